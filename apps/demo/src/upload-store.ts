import type { UploadedFileRecord } from './demo-service.js';

/** Files received by the API, in arrival order, kept so tests can compare what arrived. */
export interface UploadStore {
  add(record: UploadedFileRecord): void;
  list(): UploadedFileRecord[];
}

/** Creates an empty upload record list; only metadata and the hash are kept, not the bytes. */
export function createUploadStore(): UploadStore {
  const records: UploadedFileRecord[] = [];
  return {
    add: (record) => {
      records.push(record);
    },
    list: () => records.map((record) => ({ ...record, otherFields: { ...record.otherFields } })),
  };
}
