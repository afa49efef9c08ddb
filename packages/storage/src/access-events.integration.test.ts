import { randomUUID } from 'node:crypto';
import {
  DEV_ORG_ID,
  SwitchboardError,
  type AuditEvent,
  type Connection,
  type Org,
  type OrgKey,
  type SdkSession,
  type Store,
} from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsPerInsert } from './event-repository.js';
import { aConnector, anApi, anOrg, at, expectSwitchboardError, someTokens, t0 } from './testing/records.js';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

function aKey(orgId: string, overrides: Partial<OrgKey> = {}): OrgKey {
  return {
    id: randomUUID(),
    orgId,
    name: 'Backend',
    prefix: 'sbo_abcd',
    secretHash: `hash-${randomUUID()}`,
    createdAt: t0,
    lastUsedAt: null,
    ...overrides,
  };
}

function aSession(key: OrgKey, overrides: Partial<SdkSession> = {}): SdkSession {
  return {
    id: randomUUID(),
    orgId: key.orgId,
    keyId: key.id,
    secretHash: `hash-${randomUUID()}`,
    allowedOrigins: ['https://app.example.com'],
    connectors: null,
    expiresAt: at(3600),
    createdAt: t0,
    ...overrides,
  };
}

function anEvent(orgId: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: randomUUID(),
    orgId,
    type: 'api.invoked',
    connector: 'crm',
    actor: { kind: 'session', keyId: 'k1', sessionId: 's1' },
    data: { api: 'list_contacts', status: 200, durationMs: 12, nested: { ok: true, list: [1, null] } },
    at: t0,
    ...overrides,
  };
}

describe.each(testDatabases())('access and events storage on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  async function newOrg(): Promise<Org> {
    const org = anOrg();
    await store.orgs.insert(org);
    return org;
  }

  async function authorizedConnection(options: { consentedVersion?: number | null } = {}): Promise<Connection> {
    const org = await newOrg();
    const connector = aConnector();
    await store.connectors.insert(connector);
    return store.connections.saveAuthorized({
      idIfNew: randomUUID(),
      orgId: org.id,
      connectorId: connector.id,
      tokens: someTokens('initial'),
      consentedVersion: options.consentedVersion ?? null,
      now: t0,
    });
  }

  /** Every event of the org, newest first. */
  const eventsOf = (orgId: string): Promise<AuditEvent[]> => store.events.list({ orgId, limit: 1000 });

  describe('org keys', () => {
    it('round-trips, lists oldest first and records use', async () => {
      const org = await newOrg();
      const second = aKey(org.id, { name: 'Second', createdAt: at(2) });
      const first = aKey(org.id, { name: 'First', createdAt: at(1) });
      await store.orgKeys.insert(second);
      await store.orgKeys.insert(first);
      await store.orgKeys.insert(aKey((await newOrg()).id));

      expect(await store.orgKeys.get(first.id)).toEqual(first);
      expect(await store.orgKeys.get('missing')).toBeUndefined();
      expect(await store.orgKeys.listByOrg(org.id)).toEqual([first, second]);

      await store.orgKeys.touch(first.id, at(50));
      expect(await store.orgKeys.get(first.id)).toEqual({ ...first, lastUsedAt: at(50) });
      await store.orgKeys.touch('missing', at(50)); // nothing to touch: no error
      // A use reported late (out of order) does not move lastUsedAt back.
      await store.orgKeys.touch(first.id, at(40));
      expect((await store.orgKeys.get(first.id))?.lastUsedAt).toEqual(at(50));
    });

    it('rejects a duplicate id (conflict) and a missing org (not_found)', async () => {
      const org = await newOrg();
      const key = aKey(org.id);
      await store.orgKeys.insert(key);
      expectSwitchboardError(await store.orgKeys.insert(key).catch((e: unknown) => e), 'conflict');
      expectSwitchboardError(await store.orgKeys.insert(aKey('missing-org')).catch((e: unknown) => e), 'not_found');
    });

    it('deletes only within its own org', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const key = aKey(org.id);
      await store.orgKeys.insert(key);

      expect(await store.orgKeys.delete(other.id, key.id)).toBe(false);
      expect(await store.orgKeys.get(key.id)).toEqual(key);

      expect(await store.orgKeys.delete(org.id, key.id)).toBe(true);
      expect(await store.orgKeys.get(key.id)).toBeUndefined();
      expect(await store.orgKeys.delete(org.id, key.id)).toBe(false);
    });

    it('deleting a key ends the sessions it minted, and only those', async () => {
      const org = await newOrg();
      const key = aKey(org.id);
      const kept = aKey(org.id);
      await store.orgKeys.insert(key);
      await store.orgKeys.insert(kept);
      const minted = [aSession(key), aSession(key, { allowedOrigins: ['https://other.example'] })];
      const survivor = aSession(kept, { allowedOrigins: ['https://kept.example'] });
      for (const session of [...minted, survivor]) await store.sdkSessions.insert(session);

      expect(await store.orgKeys.delete(org.id, key.id)).toBe(true);

      for (const session of minted) expect(await store.sdkSessions.get(session.id)).toBeUndefined();
      expect(await store.sdkSessions.get(survivor.id)).toEqual(survivor);
      expect(await store.sdkSessions.allowedOriginsForOrg(org.id, t0)).toEqual(['https://kept.example']);
    });
  });

  describe('SDK sessions', () => {
    it('round-trips with and without a connector list', async () => {
      const org = await newOrg();
      const key = aKey(org.id);
      await store.orgKeys.insert(key);
      const all = aSession(key);
      const some = aSession(key, { connectors: ['crm', 'mail'], allowedOrigins: ['https://a.example', 'http://localhost:3000'] });
      await store.sdkSessions.insert(all);
      await store.sdkSessions.insert(some);
      expect(await store.sdkSessions.get(all.id)).toEqual(all);
      expect(await store.sdkSessions.get(some.id)).toEqual(some);
      expect(await store.sdkSessions.get('missing')).toBeUndefined();
    });

    it('rejects a session of a missing key as not_found, a duplicate id as conflict', async () => {
      const org = await newOrg();
      const key = aKey(org.id);
      expectSwitchboardError(await store.sdkSessions.insert(aSession(key)).catch((e: unknown) => e), 'not_found');
      await store.orgKeys.insert(key);
      const session = aSession(key);
      await store.sdkSessions.insert(session);
      expectSwitchboardError(await store.sdkSessions.insert(session).catch((e: unknown) => e), 'conflict');
    });

    it('refuses a session in another org than its key (not_found)', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const key = aKey(org.id);
      await store.orgKeys.insert(key);
      const error = await store.sdkSessions.insert(aSession(key, { orgId: other.id })).catch((e: unknown) => e);
      expectSwitchboardError(error, 'not_found');
      expect(await store.sdkSessions.allowedOriginsForOrg(other.id, t0)).toEqual([]);
    });

    it("allowedOriginsForOrg: distinct origins of the org's unexpired sessions only", async () => {
      const org = await newOrg();
      const other = await newOrg();
      const key = aKey(org.id);
      const otherKey = aKey(other.id);
      await store.orgKeys.insert(key);
      await store.orgKeys.insert(otherKey);
      await store.sdkSessions.insert(aSession(key, { allowedOrigins: ['https://b.example', 'https://a.example'], expiresAt: at(100) }));
      await store.sdkSessions.insert(aSession(key, { allowedOrigins: ['https://a.example'], expiresAt: at(200) }));
      await store.sdkSessions.insert(aSession(key, { allowedOrigins: ['https://expired.example'], expiresAt: at(10) }));
      await store.sdkSessions.insert(aSession(otherKey, { allowedOrigins: ['https://other-org.example'] }));

      expect(await store.sdkSessions.allowedOriginsForOrg(org.id, at(9))).toEqual([
        'https://a.example',
        'https://b.example',
        'https://expired.example',
      ]);
      // Expired from expiresAt on.
      expect(await store.sdkSessions.allowedOriginsForOrg(org.id, at(10))).toEqual(['https://a.example', 'https://b.example']);
      expect(await store.sdkSessions.allowedOriginsForOrg(org.id, at(100))).toEqual(['https://a.example']);
      expect(await store.sdkSessions.allowedOriginsForOrg(org.id, at(200))).toEqual([]);
      expect(await store.sdkSessions.allowedOriginsForOrg('missing-org', at(0))).toEqual([]);
    });

    it('deleteExpired removes exactly the expired sessions', async () => {
      const org = await newOrg();
      const key = aKey(org.id);
      await store.orgKeys.insert(key);
      // Far in the past, so sessions of other tests (expiring around t0) are not counted.
      const cutoff = new Date('1990-01-01T00:00:10.000Z');
      const expired = aSession(key, { expiresAt: new Date('1990-01-01T00:00:00.000Z') });
      const atCutoff = aSession(key, { expiresAt: cutoff });
      const live = aSession(key, { expiresAt: new Date('1990-01-01T00:00:10.001Z') });
      for (const session of [expired, atCutoff, live]) await store.sdkSessions.insert(session);

      expect(await store.sdkSessions.deleteExpired(cutoff)).toBe(2);
      expect(await store.sdkSessions.deleteExpired(cutoff)).toBe(0);
      expect(await store.sdkSessions.get(expired.id)).toBeUndefined();
      expect(await store.sdkSessions.get(atCutoff.id)).toBeUndefined();
      expect(await store.sdkSessions.get(live.id)).toEqual(live);
    });
  });

  describe('events', () => {
    it('round-trips every field, newest first with the id breaking ties', async () => {
      const org = await newOrg();
      const older = anEvent(org.id, { id: 'e-1', at: at(1), connector: null, actor: { kind: 'admin' }, data: {} });
      const tieLow = anEvent(org.id, { id: 'e-2', at: at(2), type: 'token.refreshed', actor: { kind: 'system' } });
      const tieHigh = anEvent(org.id, { id: 'e-3', at: at(2), actor: { kind: 'org_key', keyId: 'k9' } });
      await store.events.append(tieLow);
      await store.events.append(older);
      await store.events.append(tieHigh);
      await store.events.append(anEvent((await newOrg()).id, { at: at(5) }));

      expect(await eventsOf(org.id)).toEqual([tieHigh, tieLow, older]);
      expect(await eventsOf('missing-org')).toEqual([]);
      expectSwitchboardError(await store.events.append(older).catch((e: unknown) => e), 'conflict');
    });

    it('pages strictly before the (at, id) cursor, filtered by type and connector, up to the limit', async () => {
      const org = await newOrg();
      // Ten events, two per second, alternating type and connector.
      const events = Array.from({ length: 10 }, (_, i) =>
        anEvent(org.id, {
          id: `ev-${String(i).padStart(2, '0')}`,
          at: at(Math.floor(i / 2)),
          type: i % 2 === 0 ? 'api.invoked' : 'token.refreshed',
          connector: i % 3 === 0 ? 'mail' : 'crm',
        }),
      );
      await store.events.appendMany(events);
      const newestFirst = [...events].reverse();

      // Walk the whole log in pages of 3, each cursor taken from the page's last event.
      const pages: AuditEvent[][] = [];
      let before: { at: Date; id: string } | undefined;
      for (;;) {
        const page = await store.events.list({ orgId: org.id, before, limit: 3 });
        if (page.length === 0) break;
        pages.push(page);
        const last = page.at(-1)!;
        before = { at: last.at, id: last.id };
      }
      expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
      expect(pages.flat()).toEqual(newestFirst);

      // A cursor in the middle of a tie: same `at`, smaller id only.
      const tied = events[5]!; // ev-05 at(2), tied with ev-04
      expect(await store.events.list({ orgId: org.id, before: { at: tied.at, id: tied.id }, limit: 2 })).toEqual([events[4], events[3]]);

      expect(await store.events.list({ orgId: org.id, type: 'token.refreshed', limit: 100 })).toEqual(
        newestFirst.filter((event) => event.type === 'token.refreshed'),
      );
      expect(await store.events.list({ orgId: org.id, connector: 'mail', limit: 100 })).toEqual(
        newestFirst.filter((event) => event.connector === 'mail'),
      );
      expect(
        await store.events.list({ orgId: org.id, type: 'api.invoked', connector: 'crm', before: { at: at(4), id: 'ev-08' }, limit: 2 }),
      ).toEqual(newestFirst.filter((event) => event.type === 'api.invoked' && event.connector === 'crm' && event.id < 'ev-08').slice(0, 2));
      expect(await store.events.list({ orgId: org.id, connector: 'none', limit: 100 })).toEqual([]);
    });

    it('appendMany stores large batches in chunks and stores a retried batch once', async () => {
      const org = await newOrg();
      const batch = Array.from({ length: eventsPerInsert * 2 + 7 }, (_, i) => anEvent(org.id, { at: at(i) }));
      await store.events.appendMany(batch.slice(0, 10));
      // A retry of a partly stored batch: the first ten are already there.
      await store.events.appendMany(batch);
      await store.events.appendMany([]);
      const stored = await store.events.list({ orgId: org.id, limit: batch.length + 10 });
      expect(stored).toHaveLength(batch.length);
      expect(stored[0]).toEqual(batch.at(-1));
      expect(stored.at(-1)).toEqual(batch[0]);
    });

    it('deleteOlderThan removes exactly the events before the cutoff, in every org', async () => {
      const [first, second] = [await newOrg(), await newOrg()];
      // Far in the past, so events of other tests are not counted.
      const cutoff = new Date('1990-01-01T00:00:10.000Z');
      const old = [
        anEvent(first.id, { at: new Date('1990-01-01T00:00:00.000Z') }),
        anEvent(second.id, { at: new Date('1990-01-01T00:00:09.999Z') }),
      ];
      const kept = [anEvent(first.id, { at: cutoff }), anEvent(second.id, { at: new Date('1990-01-01T00:00:10.001Z') })];
      await store.events.appendMany([...old, ...kept]);

      expect(await store.events.deleteOlderThan(cutoff, { limit: 100 })).toBe(2);
      expect(await store.events.deleteOlderThan(cutoff, { limit: 100 })).toBe(0);
      expect(await eventsOf(first.id)).toEqual([kept[0]]);
      expect(await eventsOf(second.id)).toEqual([kept[1]]);
    });

    it('deleteOlderThan deletes at most `limit` events a statement, the oldest first, until none is left', async () => {
      const [first, second] = [await newOrg(), await newOrg()];
      // Before the previous test's epoch, so no other test's events are in range.
      const second1980 = (s: number) => new Date(Date.UTC(1980, 0, 1, 0, 0, s));
      const cutoff = second1980(10);
      // Seven old events, alternating orgs, appended newest first so insertion order is not age order.
      const old = Array.from({ length: 7 }, (_, i) => anEvent(i % 2 === 0 ? first.id : second.id, { at: second1980(i) })).reverse();
      const kept = [anEvent(first.id, { at: cutoff }), anEvent(second.id, { at: second1980(11) })];
      await store.events.appendMany([...old, ...kept]);
      const remainingOld = async () =>
        [...(await eventsOf(first.id)), ...(await eventsOf(second.id))].filter((e) => e.at < cutoff).map((e) => e.at.getTime()).sort();

      expect(await store.events.deleteOlderThan(cutoff, { limit: 3 })).toBe(3);
      // The three oldest went first.
      expect(await remainingOld()).toEqual([3, 4, 5, 6].map((s) => second1980(s).getTime()));
      expect(await store.events.deleteOlderThan(cutoff, { limit: 3 })).toBe(3);
      expect(await store.events.deleteOlderThan(cutoff, { limit: 3 })).toBe(1);
      expect(await store.events.deleteOlderThan(cutoff, { limit: 3 })).toBe(0);
      expect(await remainingOld()).toEqual([]);
      expect(await eventsOf(first.id)).toEqual([kept[0]]);
      expect(await eventsOf(second.id)).toEqual([kept[1]]);
      await expect(store.events.deleteOlderThan(cutoff, { limit: 0 })).rejects.toThrow(RangeError);
    });
  });

  describe('connections: consented version and upgrades', () => {
    it('applyUpgrade to a compatible version moves consentedVersion and nothing else', async () => {
      const connection = await authorizedConnection({ consentedVersion: 1 });
      expect(connection.consentedVersion).toBe(1);
      await store.connections.applyUpgrade(connection.id, { consentedVersion: 2 }, at(10));
      expect(await store.connections.getById(connection.id)).toEqual({ ...connection, consentedVersion: 2, updatedAt: at(10) });
    });

    it('applyUpgrade with an error asks for re-authorization, keeping the tokens and the consented version', async () => {
      const connection = await authorizedConnection({ consentedVersion: 1 });
      const error = { code: 'needs_reauthorization', message: 'Version 2 asks for new scopes.', at: at(10) };
      await store.connections.applyUpgrade(connection.id, { error }, at(10));
      expect(await store.connections.getById(connection.id)).toEqual({
        ...connection,
        status: 'needs_reauthorization',
        lastError: error,
        // Moved, so a refresh in flight cannot flip the row back to authorized.
        tokenGeneration: connection.tokenGeneration + 1,
        updatedAt: at(10),
      });
    });

    it('applyUpgrade leaves a connection without tokens as it is, and ignores a missing id', async () => {
      const connection = await authorizedConnection({ consentedVersion: 1 });
      await store.connections.clearTokens(connection.id, at(5));
      const cleared = await store.connections.getById(connection.id);
      await store.connections.applyUpgrade(connection.id, { error: { code: 'needs_reauthorization', message: 'x', at: at(10) } }, at(10));
      expect(await store.connections.getById(connection.id)).toEqual(cleared);
      await store.connections.applyUpgrade('missing', { consentedVersion: 3 }, at(10));
    });

    if (database.name === 'sqlite') {
      it('a refresh in flight during an upgrade to re-authorization does not flip it back', async () => {
        const connection = await authorizedConnection({ consentedVersion: 1 });
        const event = anEvent(connection.orgId, { type: 'token.refreshed' });
        const error = { code: 'needs_reauthorization', message: 'new scopes', at: at(10) };
        const result = await store.withConnectionLock(connection.id, async (locked) => {
          // SQLite's lock is in-process only: the upgrade lands while the refresh is "on the network".
          await store.connections.applyUpgrade(connection.id, { error }, at(10));
          return locked.saveRefreshed(someTokens('late'), at(11), event);
        });
        expect(result).toMatchObject({ status: 'needs_reauthorization', accessTokenEncrypted: 'access:initial', lastError: error });
        expect(await eventsOf(connection.orgId)).toEqual([]);
      });
    }
  });

  describe('LockedConnection writes with an event', () => {
    it('stores each write together with its event', async () => {
      const connection = await authorizedConnection();
      const orgId = connection.orgId;
      const refreshed = anEvent(orgId, { type: 'token.refreshed', at: at(1) });
      const failed = anEvent(orgId, { type: 'token.refresh_failed', at: at(2) });
      const reauth = anEvent(orgId, { type: 'token.refresh_failed', at: at(3), data: { reason: 'invalid_grant' } });
      const revoked = anEvent(orgId, { type: 'connection.revoked', at: at(4) });
      const error = { code: 'upstream_unavailable', message: 'HTTP 503', at: at(2) };

      await store.withConnectionLock(connection.id, async (locked) => {
        const saved = await locked.saveRefreshed(someTokens('refreshed'), at(1), refreshed);
        expect(saved).toMatchObject({ accessTokenEncrypted: 'access:refreshed', tokenGeneration: 2 });
        await locked.recordError(error, at(2), failed);
        const marked = await locked.markNeedsReauthorization({ ...error, code: 'needs_reauthorization' }, at(3), reauth);
        expect(marked.status).toBe('needs_reauthorization');
        await locked.clearTokens(at(4), revoked);
      });

      expect(await store.connections.getById(connection.id)).toMatchObject({ status: 'not_authorized', accessTokenEncrypted: null });
      expect(await eventsOf(orgId)).toEqual([revoked, reauth, failed, refreshed]);
    });

    it('writes without an event as before', async () => {
      const connection = await authorizedConnection();
      await store.withConnectionLock(connection.id, (locked) => locked.saveRefreshed(someTokens('plain'), at(1)));
      expect((await store.connections.getById(connection.id))?.accessTokenEncrypted).toBe('access:plain');
      expect(await eventsOf(connection.orgId)).toEqual([]);
    });

    it('a write whose event cannot be stored is not stored either', async () => {
      const connection = await authorizedConnection();
      const taken = anEvent(connection.orgId, { type: 'token.refreshed' });
      await store.events.append(taken);
      const failure = await store
        .withConnectionLock(connection.id, (locked) => locked.saveRefreshed(someTokens('orphan'), at(1), { ...taken, at: at(1) }))
        .catch((e: unknown) => e);
      expectSwitchboardError(failure, 'conflict');
      expect(await store.connections.getById(connection.id)).toEqual(connection);
      expect(await eventsOf(connection.orgId)).toEqual([taken]);
    });

    it('keeps the event exactly when the write is kept when fn throws afterwards', async () => {
      const connection = await authorizedConnection();
      const event = anEvent(connection.orgId, { type: 'token.refreshed' });
      const failure = await store
        .withConnectionLock(connection.id, async (locked) => {
          await locked.saveRefreshed(someTokens('doomed'), at(1), event);
          throw new Error('later step failed');
        })
        .catch((e: unknown) => e);
      expect((failure as Error).message).toBe('later step failed');
      const after = await store.connections.getById(connection.id);
      if (database.name === 'postgres') {
        // The lock's transaction rolled back: neither the write nor its event.
        expect(after).toEqual(connection);
        expect(await eventsOf(connection.orgId)).toEqual([]);
      } else {
        // SQLite: the write and its event committed together before fn threw.
        expect(after?.accessTokenEncrypted).toBe('access:doomed');
        expect(await eventsOf(connection.orgId)).toEqual([event]);
      }
    });

    if (database.name === 'sqlite') {
      it('records no event for a refresh that lost to a re-authorization', async () => {
        const connection = await authorizedConnection();
        const event = anEvent(connection.orgId, { type: 'token.refreshed' });
        const failed = anEvent(connection.orgId, { type: 'token.refresh_failed' });
        const result = await store.withConnectionLock(connection.id, async (locked) => {
          await store.connections.saveAuthorized({
            idIfNew: randomUUID(),
            orgId: connection.orgId,
            connectorId: connection.connectorId,
            tokens: someTokens('reauthorized'),
            consentedVersion: null,
            now: at(1),
          });
          await locked.recordError({ code: 'upstream_unavailable', message: 'HTTP 503', at: at(2) }, at(2), failed);
          return locked.saveRefreshed(someTokens('stale'), at(2), event);
        });
        expect(result?.accessTokenEncrypted).toBe('access:reauthorized');
        expect((await store.connections.getById(connection.id))?.lastError).toBeNull();
        expect(await eventsOf(connection.orgId)).toEqual([]);
      });
    }
  });

  describe('Store.transaction', () => {
    it('commits every write together and returns what fn returns', async () => {
      const org = anOrg();
      const key = aKey(org.id);
      const event = anEvent(org.id, { type: 'key.created', connector: null, data: { keyId: key.id } });
      const result = await store.transaction(async (tx) => {
        await tx.orgs.insert(org);
        await tx.orgKeys.insert(key);
        await tx.events.append(event);
        // Reads inside see the transaction's own writes.
        expect(await tx.orgKeys.get(key.id)).toEqual(key);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.orgs.get(org.id)).toEqual(org);
      expect(await store.orgKeys.get(key.id)).toEqual(key);
      expect(await eventsOf(org.id)).toEqual([event]);
    });

    it('rolls back every write when fn throws, and rethrows its error', async () => {
      const existing = await authorizedConnection();
      const org = anOrg();
      const key = aKey(org.id);
      const failure = await store
        .transaction(async (tx) => {
          await tx.orgs.insert(org);
          await tx.orgKeys.insert(key);
          await tx.sdkSessions.insert(aSession(key));
          await tx.events.appendMany([anEvent(org.id), anEvent(existing.orgId)]);
          await tx.connections.applyUpgrade(existing.id, { consentedVersion: 7 }, at(1));
          throw new SwitchboardError('in_use', 'changed my mind');
        })
        .catch((e: unknown) => e);
      expectSwitchboardError(failure, 'in_use');
      expect(await store.orgs.get(org.id)).toBeUndefined();
      expect(await store.orgKeys.get(key.id)).toBeUndefined();
      expect(await eventsOf(org.id)).toEqual([]);
      expect(await eventsOf(existing.orgId)).toEqual([]);
      expect(await store.connections.getById(existing.id)).toEqual(existing);
    });

    it('rolls back when a write inside fails, with the write error', async () => {
      const org = anOrg();
      const failure = await store
        .transaction(async (tx) => {
          await tx.orgs.insert(org);
          await tx.orgKeys.insert(aKey('missing-org'));
        })
        .catch((e: unknown) => e);
      expectSwitchboardError(failure, 'not_found');
      expect(await store.orgs.get(org.id)).toBeUndefined();
    });

    it('hides uncommitted writes from the invoke read path, and shows them once committed', async () => {
      await store.orgs.ensure({ id: DEV_ORG_ID, name: 'Development', createdAt: t0 });
      const connector = aConnector();
      const api = anApi(connector.id);
      await store.connectors.insert(connector);
      await store.apis.insert(api);
      const load = () => store.invocations.load(DEV_ORG_ID, connector.apiName, api.apiName);
      // Loaded once first, so SQLite has the row remembered.
      expect((await load()).connection).toBeUndefined();
      const authorize = (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) =>
        tx.connections.saveAuthorized({
          idIfNew: randomUUID(),
          orgId: DEV_ORG_ID,
          connectorId: connector.id,
          tokens: someTokens('tx'),
          consentedVersion: null,
          now: t0,
        });

      let during: ReturnType<typeof load> | undefined;
      await store
        .transaction(async (tx) => {
          await authorize(tx);
          // Not awaited in here: on SQLite it waits for the transaction to end.
          during = load();
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect((await during!).connection).toBeUndefined();
      expect((await load()).connection).toBeUndefined();

      await store.transaction(authorize);
      expect((await load()).connection?.accessTokenEncrypted).toBe('access:tx');
    });
  });
});
