export { openStore, type OpenStoreOptions } from './open-store.js';
export type { StorageConfig } from './storage-config.js';
export { connectionLockTimeoutMs } from './connection-lock.js';
