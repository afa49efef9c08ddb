import type { Store, StoreRepositories } from '@switchboard/core';
import { sql, type Kysely } from 'kysely';
import { createApiRepository } from './api-repository.js';
import { createAuthorizationRequestRepository } from './authorization-request-repository.js';
import { createConnectionLock, type ConnectionLockOptions } from './connection-lock.js';
import { createConnectionRepository } from './connection-repository.js';
import { createConnectorRepository } from './connector-repository.js';
import { createConnectorVersionRepository } from './connector-version-repository.js';
import { createInstallationRepository } from './installation-repository.js';
import { createInstalledConnectorRepository } from './installed-connector-repository.js';
import { createOrgConnectorRepository } from './org-connector-repository.js';
import { createReleaseRepository } from './release-repository.js';
import { createSolutionConnectorRepository } from './solution-connector-repository.js';
import { createSolutionRepository } from './solution-repository.js';
import { createCredentialsRepository } from './credentials-repository.js';
import { createInvocationRepository } from './invocation-repository.js';
import { createOrgRepository } from './org-repository.js';
import { createOrgKeyRepository } from './org-key-repository.js';
import { createSdkSessionRepository } from './sdk-session-repository.js';
import { createConsoleSessionRepository } from './console-session-repository.js';
import { createEventRepository } from './event-repository.js';
import { createConnectorActionRepository, createReleaseActionRepository } from './action-repository.js';
import { createFunctionRepository } from './function-repository.js';
import { createReleaseFunctionRepository } from './release-function-repository.js';
import { createExecutionRepository } from './execution-repository.js';
import { createJobRepository } from './job-repository.js';
import { createWebhookRepository } from './webhook-repository.js';
import { createWebhookDeliveryRepository } from './webhook-delivery-repository.js';
import { createWebhookDispatchRepository } from './webhook-dispatch-repository.js';
import type { Database } from './schema.js';
import type { SqliteReadNow } from './sqlite/sqlite-dialect.js';

export interface CreateStoreOptions {
  /** SQLite: hot-path reads skip kysely's executor (see `createSqliteDialect`). */
  readonly readNow?: SqliteReadNow;
}

/**
 * Assembles the Store over an open, migrated database. The repositories are dialect-agnostic;
 * only the refresh lock differs (see `createConnectionLock`).
 */
/** Every repository over one database handle: the store's own, or a transaction's. */
export function createRepositories(db: Kysely<Database>): StoreRepositories {
  return {
    connectors: createConnectorRepository(db),
    credentials: createCredentialsRepository(db),
    apis: createApiRepository(db),
    orgs: createOrgRepository(db),
    connections: createConnectionRepository(db),
    authorizationRequests: createAuthorizationRequestRepository(db),
    connectorVersions: createConnectorVersionRepository(db),
    solutions: createSolutionRepository(db),
    solutionConnectors: createSolutionConnectorRepository(db),
    releases: createReleaseRepository(db),
    installations: createInstallationRepository(db),
    installedConnectors: createInstalledConnectorRepository(db),
    orgConnectors: createOrgConnectorRepository(db),
    orgKeys: createOrgKeyRepository(db),
    sdkSessions: createSdkSessionRepository(db),
    consoleSessions: createConsoleSessionRepository(db),
    events: createEventRepository(db),
    functions: createFunctionRepository(db),
    releaseFunctions: createReleaseFunctionRepository(db),
    executions: createExecutionRepository(db),
    jobs: createJobRepository(db),
    webhooks: createWebhookRepository(db),
    webhookDeliveries: createWebhookDeliveryRepository(db),
    webhookDispatch: createWebhookDispatchRepository(db),
    connectorActions: createConnectorActionRepository(db),
    releaseActions: createReleaseActionRepository(db),
    actionDispatch: createWebhookDispatchRepository(db, 'connector-actions'),
  };
}

export function createStore(lock: ConnectionLockOptions, options: CreateStoreOptions = {}): Store {
  const db: Kysely<Database> = lock.db;
  const withConnectionLock = createConnectionLock(lock);
  return {
    ...createRepositories(db),
    invocations: createInvocationRepository(db, options.readNow),
    withConnectionLock,
    /**
     * PostgreSQL: one pooled connection for the whole of `fn`. SQLite: kysely holds the only
     * connection until `fn` settles, so every other query (including `readNow`, which steps
     * aside while a transaction is open) waits; calling the store itself rather than `tx`
     * inside `fn` would wait for `fn` forever there.
     */
    transaction(fn) {
      return db.transaction().execute((trx) => fn(createRepositories(trx)));
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
