import { randomBytes, randomUUID } from 'node:crypto';
import { silentLogger, type ConsoleSession, type OrgKey, type Store } from '@switchboard/core';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDialect } from './postgres/postgres-dialect.js';
import type { Database } from './schema.js';
import { createSqliteDialect } from './sqlite/sqlite-dialect.js';
import type { StorageConfig } from './storage-config.js';
import { anOrg, at, expectSwitchboardError, t0 } from './testing/records.js';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

/** A second handle on the test database, to write rows the repository never would. */
function rawDatabase(config: StorageConfig): Kysely<Database> {
  if (config.kind === 'sqlite') return new Kysely<Database>({ dialect: createSqliteDialect(config.file).dialect });
  return new Kysely<Database>({ dialect: createPostgresDialect({ url: config.url, schema: config.schema ?? 'public', poolSize: 1, logger: silentLogger }) });
}

const anId = (): string => randomBytes(8).toString('hex');

function aKey(orgId: string): OrgKey {
  return { id: anId(), orgId, name: 'Console', prefix: 'sbo_x', secretHash: `hash-${randomUUID()}`, createdAt: t0, lastUsedAt: null };
}

const adminSession = (overrides: Partial<ConsoleSession> = {}): ConsoleSession =>
  ({ id: anId(), kind: 'admin', adminFingerprint: `fp-${randomUUID()}`, secretHash: `hash-${randomUUID()}`, expiresAt: at(3600), createdAt: t0, ...overrides }) as ConsoleSession;

const orgSession = (key: OrgKey, overrides: Partial<ConsoleSession> = {}): ConsoleSession =>
  ({ id: anId(), kind: 'org', orgId: key.orgId, keyId: key.id, secretHash: `hash-${randomUUID()}`, expiresAt: at(3600), createdAt: t0, ...overrides }) as ConsoleSession;

/**
 * Console sign-in sessions in the database: both kinds round-trip, an org session goes with its
 * org key (cascade), expiry sweeps, and the check constraint holds each kind to its columns.
 */
describe.each(testDatabases())('console sessions storage on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  async function newKey(): Promise<OrgKey> {
    const org = anOrg();
    await store.orgs.insert(org);
    const key = aKey(org.id);
    await store.orgKeys.insert(key);
    return key;
  }

  it('round-trips both kinds, deletes one, refuses a duplicate id and a missing key', async () => {
    const key = await newKey();
    const admin = adminSession();
    const org = orgSession(key);
    await store.consoleSessions.insert(admin);
    await store.consoleSessions.insert(org);
    expect(await store.consoleSessions.get(admin.id)).toEqual(admin);
    expect(await store.consoleSessions.get(org.id)).toEqual(org);
    expect(await store.consoleSessions.get(anId())).toBeUndefined();

    expectSwitchboardError(await store.consoleSessions.insert(admin).catch((e: unknown) => e), 'conflict');
    expectSwitchboardError(await store.consoleSessions.insert(orgSession({ ...key, id: anId() })).catch((e: unknown) => e), 'not_found');
    // A key of another org: the (key, org) pair does not exist.
    const other = await newKey();
    expectSwitchboardError(await store.consoleSessions.insert(orgSession({ ...key, id: other.id })).catch((e: unknown) => e), 'not_found');

    expect(await store.consoleSessions.delete(admin.id)).toBe(true);
    expect(await store.consoleSessions.delete(admin.id)).toBe(false);
    expect(await store.consoleSessions.get(admin.id)).toBeUndefined();
  });

  it('revoking the org key deletes its console sessions in the same statement, and only those', async () => {
    const key = await newKey();
    const kept = aKey(key.orgId);
    await store.orgKeys.insert(kept);
    const doomed = [orgSession(key), orgSession(key)];
    const survivor = orgSession(kept);
    const admin = adminSession();
    for (const session of [...doomed, survivor, admin]) await store.consoleSessions.insert(session);

    expect(await store.orgKeys.delete(key.orgId, key.id)).toBe(true);
    for (const session of doomed) expect(await store.consoleSessions.get(session.id)).toBeUndefined();
    expect(await store.consoleSessions.get(survivor.id)).toEqual(survivor);
    expect(await store.consoleSessions.get(admin.id)).toEqual(admin);
  });

  it('deleteExpired removes sessions from their expiry on', async () => {
    const key = await newKey();
    const expired = adminSession({ expiresAt: at(10) });
    const boundary = orgSession(key, { expiresAt: at(20) });
    const live = adminSession({ expiresAt: at(21) });
    for (const session of [expired, boundary, live]) await store.consoleSessions.insert(session);
    expect(await store.consoleSessions.deleteExpired(at(20))).toBeGreaterThanOrEqual(2);
    expect(await store.consoleSessions.get(expired.id)).toBeUndefined();
    expect(await store.consoleSessions.get(boundary.id)).toBeUndefined();
    expect(await store.consoleSessions.get(live.id)).toEqual(live);
  });

  it('the check constraint keeps each kind to its own columns (rows written past the repository)', async () => {
    const key = await newKey();
    const db = rawDatabase(opened.config);
    try {
      const base = { secret_hash: 'h', expires_at: 1, created_at: 1 };
      const refused: Array<Record<string, unknown>> = [
        { kind: 'admin', org_id: key.orgId, key_id: key.id, admin_fingerprint: 'fp' },
        { kind: 'org', org_id: key.orgId, key_id: key.id, admin_fingerprint: 'fp' },
        { kind: 'org', org_id: key.orgId, key_id: null, admin_fingerprint: null },
        { kind: 'admin', org_id: null, key_id: null, admin_fingerprint: null },
        { kind: 'owner', org_id: null, key_id: null, admin_fingerprint: 'fp' },
      ];
      for (const row of refused) {
        await expect(db.insertInto('console_sessions').values({ id: anId(), ...base, ...row } as never).execute(), JSON.stringify(row)).rejects.toThrow();
      }
      await db.insertInto('console_sessions').values({ id: anId(), ...base, kind: 'admin', org_id: null, key_id: null, admin_fingerprint: 'fp' }).execute();
    } finally {
      await db.destroy();
    }
  });
});
