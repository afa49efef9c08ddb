import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DEV_ORG_ID,
  type Actor,
  type ApiDefinition,
  type Connection,
  type Connector,
  type Org,
  type Store,
} from '@switchboard/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { StorageConfig } from './storage-config.js';
import { aConnector, anApi, anOrg, at, expectSwitchboardError, someTokens, t0, unique } from './testing/records.js';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

describe.each(testDatabases())('store on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  /** A connector and an org, ready for connections. */
  async function connectorAndOrg(): Promise<{ connector: Connector; org: Org }> {
    const connector = aConnector();
    const org = anOrg();
    await store.connectors.insert(connector);
    await store.orgs.insert(org);
    return { connector, org };
  }

  async function authorizedConnection(): Promise<Connection> {
    const { connector, org } = await connectorAndOrg();
    return store.connections.saveAuthorized({
      idIfNew: randomUUID(),
      orgId: org.id,
      connectorId: connector.id,
      tokens: someTokens('initial'),
      consentedVersion: null,
      now: t0,
    });
  }

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('connectors', () => {
    it('round-trips every field, JSON, booleans, nulls and dates', async () => {
      const full = aConnector({
        description: 'CRM of Acme',
        signupUrl: 'https://acme.example/signup',
        refreshUrl: 'https://acme.example/oauth/refresh',
        pkce: false,
        clientAuthMethod: 'client_secret_post',
        tokenParams: { audience: 'https://api.acme.example', 'ümlaut': 'ü ✓' },
        tokenPlacement: { type: 'query', name: 'access_token' },
        issuer: 'https://acme.example',
        updatedAt: at(5),
      });
      const minimal = aConnector({ revokeUrl: null, revokeUsing: null, scopes: [], authorizationParams: {} });
      await store.connectors.insert(full);
      await store.connectors.insert(minimal);

      expect(await store.connectors.get(full.id)).toEqual(full);
      expect(await store.connectors.get(minimal.id)).toEqual(minimal);
      expect(await store.connectors.getByApiName(full.apiName)).toEqual(full);
      const fetched = await store.connectors.get(full.id);
      expect(fetched?.createdAt).toBeInstanceOf(Date);
      expect(fetched?.pkce).toBe(false);
      expect((await store.connectors.get(minimal.id))?.pkce).toBe(true);
    });

    it('returns undefined for unknown ids and names', async () => {
      expect(await store.connectors.get('missing')).toBeUndefined();
      expect(await store.connectors.getByApiName('missing')).toBeUndefined();
    });

    it('lists connectors ordered by apiName', async () => {
      const b = aConnector({ apiName: unique('zz_list_b') });
      const a = aConnector({ apiName: unique('zz_list_a') });
      await store.connectors.insert(b);
      await store.connectors.insert(a);
      const names = (await store.connectors.list()).map((c) => c.apiName);
      expect(names).toEqual([...names].sort());
      expect(names.indexOf(a.apiName)).toBeLessThan(names.indexOf(b.apiName));
    });

    it('updates only the patched fields and sets updatedAt', async () => {
      const connector = aConnector({ description: 'old', signupUrl: 'https://acme.example/signup' });
      await store.connectors.insert(connector);
      const updated = await store.connectors.update(
        connector.id,
        { name: 'Renamed', description: null, pkce: false, scopes: ['a', 'b'], tokenPlacement: { type: 'query', name: 't' } },
        at(60),
      );
      const expected: Connector = {
        ...connector,
        name: 'Renamed',
        description: null,
        pkce: false,
        scopes: ['a', 'b'],
        tokenPlacement: { type: 'query', name: 't' },
        updatedAt: at(60),
      };
      expect(updated).toEqual(expected);
      expect(await store.connectors.get(connector.id)).toEqual(expected);
      expect(await store.connectors.update(connector.id, {}, at(61))).toEqual({ ...expected, updatedAt: at(61) });
    });

    it('returns undefined when updating a missing connector', async () => {
      expect(await store.connectors.update('missing', { name: 'x' }, t0)).toBeUndefined();
    });

    it('rejects a duplicate apiName or id with a conflict', async () => {
      const connector = aConnector();
      await store.connectors.insert(connector);
      const byName = await store.connectors.insert(aConnector({ apiName: connector.apiName })).catch((e: unknown) => e);
      expectSwitchboardError(byName, 'conflict');
      const byId = await store.connectors.insert(aConnector({ id: connector.id })).catch((e: unknown) => e);
      expectSwitchboardError(byId, 'conflict');
    });

    it('deletes, reporting whether a row was there', async () => {
      const connector = aConnector();
      await store.connectors.insert(connector);
      expect(await store.connectors.delete(connector.id)).toBe(true);
      expect(await store.connectors.get(connector.id)).toBeUndefined();
      expect(await store.connectors.delete(connector.id)).toBe(false);
    });

    it('cascades a delete to credentials, APIs, connections and authorization requests', async () => {
      const { connector, org } = await connectorAndOrg();
      const other = aConnector();
      await store.connectors.insert(other);
      await store.credentials.upsert({ connectorId: connector.id, clientId: 'c', clientSecretEncrypted: 's', updatedAt: t0 });
      await store.credentials.upsert({ connectorId: other.id, clientId: 'c', clientSecretEncrypted: 's', updatedAt: t0 });
      const api = anApi(connector.id);
      await store.apis.insert(api);
      const connection = await store.connections.saveAuthorized({
        idIfNew: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        tokens: someTokens('x'),
        consentedVersion: null,
        now: t0,
      });
      const stateHash = randomUUID();
      await store.authorizationRequests.insert({
        stateHash,
        orgId: org.id,
        connectorId: connector.id,
        codeVerifierEncrypted: null,
        redirectUri: 'https://switchboard.example/callback',
        returnTo: null,
        connectorVersion: null,
        openerOrigin: 'https://switchboard.example',
        actor: { kind: 'admin' },
        expiresAt: at(600),
        createdAt: t0,
      });

      expect(await store.connectors.delete(connector.id)).toBe(true);

      expect(await store.credentials.get(connector.id)).toBeUndefined();
      expect(await store.apis.get(connector.id, api.apiName)).toBeUndefined();
      expect(await store.connections.getById(connection.id)).toBeUndefined();
      expect(await store.authorizationRequests.consume(stateHash)).toBeUndefined();
      // Neighbours are untouched.
      expect(await store.credentials.get(other.id)).toBeDefined();
      expect(await store.orgs.get(org.id)).toEqual(org);
    });
  });

  describe('credentials', () => {
    it('inserts, replaces and reads credentials', async () => {
      const connector = aConnector();
      await store.connectors.insert(connector);
      expect(await store.credentials.get(connector.id)).toBeUndefined();
      const first = { connectorId: connector.id, clientId: 'id-1', clientSecretEncrypted: 'secret-1', updatedAt: t0 };
      await store.credentials.upsert(first);
      expect(await store.credentials.get(connector.id)).toEqual(first);
      const second = { connectorId: connector.id, clientId: 'id-2', clientSecretEncrypted: 'secret-2', updatedAt: at(10) };
      await store.credentials.upsert(second);
      expect(await store.credentials.get(connector.id)).toEqual(second);
    });

    it('rejects credentials of a missing connector as not_found', async () => {
      const error = await store.credentials
        .upsert({ connectorId: 'missing', clientId: 'c', clientSecretEncrypted: 's', updatedAt: t0 })
        .catch((e: unknown) => e);
      expectSwitchboardError(error, 'not_found');
    });

    it('tells which connectors have credentials in one call', async () => {
      const withCredentials = aConnector();
      const without = aConnector();
      await store.connectors.insert(withCredentials);
      await store.connectors.insert(without);
      await store.credentials.upsert({ connectorId: withCredentials.id, clientId: 'c', clientSecretEncrypted: 's', updatedAt: t0 });
      expect(await store.credentials.connectorIdsWithCredentials([])).toEqual(new Set());
      expect(
        await store.credentials.connectorIdsWithCredentials([withCredentials.id, without.id, 'missing', withCredentials.id]),
      ).toEqual(new Set([withCredentials.id]));
      // More ids than one query takes.
      const many = [...Array.from({ length: 1_200 }, (_, i) => `nobody-${i}`), withCredentials.id];
      expect(await store.credentials.connectorIdsWithCredentials(many)).toEqual(new Set([withCredentials.id]));
    });
  });

  describe('apis', () => {
    it('round-trips, lists by apiName, updates and deletes', async () => {
      const connector = aConnector();
      await store.connectors.insert(connector);
      const b = anApi(connector.id, { apiName: 'b_api' });
      const a = anApi(connector.id, {
        apiName: 'a_api',
        description: null,
        method: 'GET',
        headers: {},
        query: {},
        body: { type: 'none' },
      });
      await store.apis.insert(b);
      await store.apis.insert(a);

      expect(await store.apis.get(connector.id, 'a_api')).toEqual(a);
      expect(await store.apis.get(connector.id, 'b_api')).toEqual(b);
      expect(await store.apis.list(connector.id)).toEqual([a, b]);
      expect(await store.apis.get(connector.id, 'missing')).toBeUndefined();

      const patched = await store.apis.update(
        connector.id,
        'b_api',
        { description: null, method: 'PUT', body: { type: 'raw', template: 'x=${x}' }, query: { q: '1' } },
        at(30),
      );
      const expected: ApiDefinition = {
        ...b,
        description: null,
        method: 'PUT',
        body: { type: 'raw', template: 'x=${x}' },
        query: { q: '1' },
        updatedAt: at(30),
      };
      expect(patched).toEqual(expected);
      expect(await store.apis.get(connector.id, 'b_api')).toEqual(expected);
      expect(await store.apis.update(connector.id, 'missing', { name: 'x' }, t0)).toBeUndefined();

      expect(await store.apis.delete(connector.id, 'a_api')).toBe(true);
      expect(await store.apis.delete(connector.id, 'a_api')).toBe(false);
      expect(await store.apis.list(connector.id)).toEqual([expected]);
    });

    it('rejects a duplicate (connector, apiName) but allows the name on another connector', async () => {
      const first = aConnector();
      const second = aConnector();
      await store.connectors.insert(first);
      await store.connectors.insert(second);
      await store.apis.insert(anApi(first.id, { apiName: 'same' }));
      const error = await store.apis.insert(anApi(first.id, { apiName: 'same' })).catch((e: unknown) => e);
      expectSwitchboardError(error, 'conflict');
      await expect(store.apis.insert(anApi(second.id, { apiName: 'same' }))).resolves.toBeUndefined();
    });

    it('rejects an API of a missing connector as not_found', async () => {
      const error = await store.apis.insert(anApi('missing')).catch((e: unknown) => e);
      expectSwitchboardError(error, 'not_found');
    });
  });

  describe('orgs', () => {
    it('lock holds the org until the transaction that took it ends', async () => {
      const org = anOrg();
      await store.orgs.insert(org);
      expect(await store.transaction((tx) => tx.orgs.lock('no-such-org'))).toBe(false);

      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let signalLocked!: () => void;
      const firstLocked = new Promise<void>((resolve) => (signalLocked = resolve));
      const first = store.transaction(async (tx) => {
        expect(await tx.orgs.lock(org.id)).toBe(true);
        signalLocked();
        await held;
        order.push('first commits');
      });
      await firstLocked;
      const second = store.transaction(async (tx) => {
        await tx.orgs.lock(org.id);
        order.push('second holds the lock');
      });
      // Room for the second transaction to take the lock if it (wrongly) could.
      await sleep(100);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first commits', 'second holds the lock']);
      expect(await store.orgs.get(org.id)).toEqual(org);
    });

    it('inserts, reads, lists oldest first and rejects duplicates', async () => {
      const older = anOrg({ createdAt: new Date('2000-01-01T00:00:00.000Z') });
      const newer = anOrg({ createdAt: new Date('2000-01-02T00:00:00.000Z') });
      await store.orgs.insert(newer);
      await store.orgs.insert(older);
      expect(await store.orgs.get(older.id)).toEqual(older);
      expect(await store.orgs.get('missing')).toBeUndefined();
      const ids = (await store.orgs.list()).map((org) => org.id);
      expect(ids.slice(0, 2)).toEqual([older.id, newer.id]);
      const error = await store.orgs.insert(anOrg({ id: older.id })).catch((e: unknown) => e);
      expectSwitchboardError(error, 'conflict');
    });

    it('ensure inserts once and never overwrites', async () => {
      const org = anOrg({ name: 'First' });
      await store.orgs.ensure(org);
      await store.orgs.ensure({ ...org, name: 'Second' });
      await Promise.all([store.orgs.ensure(org), store.orgs.ensure(org)]);
      expect(await store.orgs.get(org.id)).toEqual(org);
    });
  });

  describe('connections', () => {
    it('saveAuthorized inserts, then updates in place with the next generation', async () => {
      const { connector, org } = await connectorAndOrg();
      const idIfNew = randomUUID();
      const inserted = await store.connections.saveAuthorized({
        idIfNew,
        orgId: org.id,
        connectorId: connector.id,
        tokens: someTokens('one', { expiresAt: null, refreshTokenEncrypted: null, fieldsEncrypted: null, tokenType: null }),
        consentedVersion: null,
        now: t0,
      });
      const expectedInsert: Connection = {
        id: idIfNew,
        orgId: org.id,
        connectorId: connector.id,
        status: 'authorized',
        scopes: ['contacts.read'],
        accessTokenEncrypted: 'access:one',
        refreshTokenEncrypted: null,
        tokenType: null,
        expiresAt: null,
        fieldsEncrypted: null,
        authorizedAt: t0,
        lastRefreshedAt: null,
        lastError: null,
        tokenGeneration: 1,
        consentedVersion: null,
        createdAt: t0,
        updatedAt: t0,
      };
      expect(inserted).toEqual(expectedInsert);
      expect(await store.connections.getById(idIfNew)).toEqual(expectedInsert);

      // Give the row an error and a refresh, which re-authorization must clear.
      await store.withConnectionLock(idIfNew, async (locked) => {
        await locked.saveRefreshed(someTokens('refreshed'), at(10));
        await locked.recordError({ code: 'upstream_unavailable', message: 'HTTP 503', at: at(11) }, at(11));
      });

      const updated = await store.connections.saveAuthorized({
        idIfNew: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        tokens: someTokens('two', { scopes: ['contacts.read', 'contacts.write'] }),
        consentedVersion: 2,
        now: at(20),
      });
      expect(updated).toEqual({
        ...expectedInsert,
        scopes: ['contacts.read', 'contacts.write'],
        accessTokenEncrypted: 'access:two',
        refreshTokenEncrypted: 'refresh:two',
        tokenType: 'bearer',
        expiresAt: at(3600),
        fieldsEncrypted: 'fields:two',
        authorizedAt: at(20),
        lastRefreshedAt: null,
        lastError: null,
        tokenGeneration: 3,
        // Re-authorizing records the version consented to this time.
        consentedVersion: 2,
        updatedAt: at(20),
      });
      expect(await store.connections.get(org.id, connector.id)).toEqual(updated);
    });

    it('saveAuthorized for a missing org or connector is not_found', async () => {
      const { connector } = await connectorAndOrg();
      const error = await store.connections
        .saveAuthorized({ idIfNew: randomUUID(), orgId: 'missing', connectorId: connector.id, tokens: someTokens('x'), consentedVersion: null, now: t0 })
        .catch((e: unknown) => e);
      expectSwitchboardError(error, 'not_found');
    });

    it('lists by org and live connections by connector', async () => {
      const connector = aConnector();
      const otherConnector = aConnector();
      const [orgA, orgB, orgC] = [anOrg(), anOrg(), anOrg()];
      await store.connectors.insert(connector);
      await store.connectors.insert(otherConnector);
      for (const org of [orgA, orgB, orgC]) await store.orgs.insert(org);
      const save = (orgId: string, connectorId: string, seconds: number) =>
        store.connections.saveAuthorized({ idIfNew: randomUUID(), orgId, connectorId, tokens: someTokens(orgId), consentedVersion: null, now: at(seconds) });
      const a = await save(orgA.id, connector.id, 1);
      const aOther = await save(orgA.id, otherConnector.id, 2);
      const b = await save(orgB.id, connector.id, 3);
      const c = await save(orgC.id, connector.id, 4);

      await store.connections.clearTokens(b.id, at(5));
      const needsReauth = await store.withConnectionLock(c.id, (locked) =>
        locked.markNeedsReauthorization({ code: 'needs_reauthorization', message: 'invalid_grant', at: at(6) }, at(6)),
      );
      expect(needsReauth?.status).toBe('needs_reauthorization');

      expect((await store.connections.listByOrg(orgA.id)).map((x) => x.id)).toEqual([a.id, aOther.id]);
      expect(await store.connections.listByOrg('missing')).toEqual([]);
      expect((await store.connections.listLiveByConnector(connector.id)).map((x) => x.id)).toEqual([a.id, c.id]);
      expect(await store.connections.get(orgB.id, otherConnector.id)).toBeUndefined();
      expect(await store.connections.getById('missing')).toBeUndefined();
    });

    it('clearTokens removes the tokens and moves the generation', async () => {
      const connection = await authorizedConnection();
      await store.connections.clearTokens(connection.id, at(50));
      expect(await store.connections.getById(connection.id)).toEqual({
        ...connection,
        status: 'not_authorized',
        scopes: [],
        accessTokenEncrypted: null,
        refreshTokenEncrypted: null,
        tokenType: null,
        expiresAt: null,
        fieldsEncrypted: null,
        tokenGeneration: connection.tokenGeneration + 1,
        updatedAt: at(50),
      });
      await expect(store.connections.clearTokens('missing', at(50))).resolves.toBeUndefined();
    });

    it('deletes, reporting whether a row was there', async () => {
      const connection = await authorizedConnection();
      expect(await store.connections.delete(connection.id)).toBe(true);
      expect(await store.connections.delete(connection.id)).toBe(false);
      expect(await store.connections.getById(connection.id)).toBeUndefined();
    });
  });

  // Drafts are what org `dev` invokes; subscriber orgs (installed versions) are covered in
  // distribution.integration.test.ts.
  describe('invocations', () => {
    /** A draft connector and the `dev` org, which sees every draft. */
    async function connectorAndOrg(): Promise<{ connector: Connector; org: Org }> {
      const connector = aConnector();
      await store.connectors.insert(connector);
      await store.orgs.ensure({ id: DEV_ORG_ID, name: 'Development', createdAt: t0 });
      const org = await store.orgs.get(DEV_ORG_ID);
      if (!org) throw new Error('dev org missing');
      return { connector, org };
    }

    it('loads org, connector, API and connection in one call', async () => {
      const { connector, org } = await connectorAndOrg();
      const api = anApi(connector.id, { description: null, updatedAt: at(7) });
      await store.apis.insert(api);
      await store.apis.insert(anApi(connector.id));
      const connection = await store.connections.saveAuthorized({
        idIfNew: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        tokens: someTokens('invoke', { expiresAt: null, fieldsEncrypted: null }),
        consentedVersion: null,
        now: t0,
      });
      const other = anOrg();
      await store.orgs.insert(other);
      await store.connections.saveAuthorized({ idIfNew: randomUUID(), orgId: other.id, connectorId: connector.id, tokens: someTokens('other'), consentedVersion: null, now: t0 });

      const loaded = await store.invocations.load(org.id, connector.apiName, api.apiName);
      expect(loaded).toEqual({ org, connector, api, connection });
      expect(loaded.connection).toEqual(await store.connections.get(org.id, connector.id));
      expect(loaded.connector?.createdAt).toBeInstanceOf(Date);
    });

    it('tells which part is missing: org, connector, API or connection', async () => {
      const { connector, org } = await connectorAndOrg();
      const api = anApi(connector.id);
      await store.apis.insert(api);
      const none = { org: undefined, connector: undefined, api: undefined, connection: undefined };

      expect(await store.invocations.load('missing', connector.apiName, api.apiName)).toEqual(none);
      expect(await store.invocations.load(org.id, 'missing', api.apiName)).toEqual({ ...none, org });
      expect(await store.invocations.load(org.id, connector.apiName, 'missing')).toEqual({ ...none, org, connector });
      expect(await store.invocations.load(org.id, connector.apiName, api.apiName)).toEqual({ ...none, org, connector, api });
    });

    it('hands out frozen records (SQLite reuses them while the database is unchanged)', async () => {
      const { connector, org } = await connectorAndOrg();
      const api = anApi(connector.id);
      await store.apis.insert(api);
      const loaded = await store.invocations.load(org.id, connector.apiName, api.apiName);
      for (const record of [loaded, loaded.org, loaded.connector, loaded.connector?.scopes, loaded.connector?.tokenPlacement, loaded.api, loaded.api?.headers]) {
        expect(Object.isFrozen(record)).toBe(true);
      }
      const again = await store.invocations.load(org.id, connector.apiName, api.apiName);
      expect(again).toEqual(loaded);
      if (database.name === 'sqlite') expect(again).toBe(loaded);
    });

    it('sees every change made since the last load at once', async () => {
      const { connector, org } = await connectorAndOrg();
      const api = anApi(connector.id);
      await store.apis.insert(api);
      const load = () => store.invocations.load(org.id, connector.apiName, api.apiName);
      expect((await load()).connection).toBeUndefined();
      expect(await load()).toEqual(await load());

      const authorized = await store.connections.saveAuthorized({ idIfNew: randomUUID(), orgId: org.id, connectorId: connector.id, tokens: someTokens('one'), consentedVersion: null, now: t0 });
      expect((await load()).connection).toEqual(authorized);

      await store.apis.update(connector.id, api.apiName, { url: 'https://acme.example/v2' }, at(1));
      expect((await load()).api?.url).toBe('https://acme.example/v2');

      const refreshed = await store.withConnectionLock(authorized.id, (locked) => locked.saveRefreshed(someTokens('two'), at(2)));
      expect((await load()).connection).toEqual(refreshed);
      expect((await load()).connection?.tokenGeneration).toBe(authorized.tokenGeneration + 1);

      await store.connections.clearTokens(authorized.id, at(3));
      expect((await load()).connection?.status).toBe('not_authorized');

      await store.connectors.delete(connector.id);
      expect(await load()).toEqual({ org, connector: undefined, api: undefined, connection: undefined });
    });

    it('sees changes another instance on the same database made', async () => {
      const { connector, org } = await connectorAndOrg();
      const api = anApi(connector.id);
      await store.apis.insert(api);
      const load = () => store.invocations.load(org.id, connector.apiName, api.apiName);
      expect((await load()).api?.name).toBe(api.name);
      const other = await openStore(opened.config);
      try {
        await other.apis.update(connector.id, api.apiName, { name: 'Renamed elsewhere' }, at(1));
        expect((await load()).api?.name).toBe('Renamed elsewhere');
        const connection = await other.connections.saveAuthorized({ idIfNew: randomUUID(), orgId: org.id, connectorId: connector.id, tokens: someTokens('x'), consentedVersion: null, now: t0 });
        expect((await load()).connection).toEqual(connection);
      } finally {
        await other.close();
      }
    });

    it('does not mix up records of other connectors and orgs', async () => {
      const first = await connectorAndOrg();
      const second = await connectorAndOrg();
      const subscriber = anOrg();
      await store.orgs.insert(subscriber);
      const api = anApi(first.connector.id);
      await store.apis.insert(api);
      await store.apis.insert(anApi(second.connector.id, { apiName: api.apiName }));
      // A subscriber's row for the same connector, and dev's row for the other connector.
      await store.connections.saveAuthorized({ idIfNew: randomUUID(), orgId: subscriber.id, connectorId: first.connector.id, tokens: someTokens('x'), consentedVersion: null, now: t0 });
      const devSecond = await store.connections.saveAuthorized({ idIfNew: randomUUID(), orgId: DEV_ORG_ID, connectorId: second.connector.id, tokens: someTokens('y'), consentedVersion: null, now: t0 });

      const loaded = await store.invocations.load(DEV_ORG_ID, first.connector.apiName, api.apiName);
      expect(loaded).toEqual({ org: first.org, connector: first.connector, api, connection: undefined });
      const crossed = await store.invocations.load(DEV_ORG_ID, second.connector.apiName, api.apiName);
      expect(crossed.connection).toEqual(devSecond);
      expect(crossed.api?.connectorId).toBe(second.connector.id);
      // The subscriber has not installed the connector: its own row is not handed out.
      expect(await store.invocations.load(subscriber.id, first.connector.apiName, api.apiName)).toEqual({ org: subscriber, connector: undefined, api: undefined, connection: undefined });
    });
  });

  describe('authorization requests', () => {
    async function aRequest(
      overrides: { expiresAt?: Date; codeVerifierEncrypted?: string | null; returnTo?: string | null; connectorVersion?: number | null; actor?: Actor } = {},
    ) {
      const { connector, org } = await connectorAndOrg();
      const request = {
        stateHash: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        codeVerifierEncrypted: 'verifier' as string | null,
        redirectUri: 'https://switchboard.example/oauth/callback',
        returnTo: '/connections' as string | null,
        connectorVersion: 3 as number | null,
        openerOrigin: 'https://app.example.com',
        actor: { kind: 'org_key', keyId: 'key_1' } as Actor,
        expiresAt: at(600),
        createdAt: t0,
        ...overrides,
      };
      await store.authorizationRequests.insert(request);
      return request;
    }

    it('consume returns the request once, including nulls', async () => {
      const request = await aRequest({ codeVerifierEncrypted: null, returnTo: null, connectorVersion: null });
      expect(await store.authorizationRequests.consume(request.stateHash)).toEqual(request);
      expect(await store.authorizationRequests.consume(request.stateHash)).toBeUndefined();
      expect(await store.authorizationRequests.consume('never-existed')).toBeUndefined();
    });

    it('consume returns who started the flow, for each kind of actor', async () => {
      const actors: Actor[] = [{ kind: 'admin' }, { kind: 'org_key', keyId: 'key_a' }, { kind: 'session', keyId: 'key_b', sessionId: 'ses_c' }, { kind: 'system' }];
      for (const actor of actors) {
        const request = await aRequest({ actor });
        expect((await store.authorizationRequests.consume(request.stateHash))?.actor).toEqual(actor);
      }
    });

    it('lets exactly one of concurrent consumers win', async () => {
      const request = await aRequest();
      const results = await Promise.all(Array.from({ length: 10 }, () => store.authorizationRequests.consume(request.stateHash)));
      expect(results.filter((r) => r !== undefined)).toEqual([request]);
    });

    it('rejects a duplicate state hash with a conflict', async () => {
      const request = await aRequest();
      const error = await store.authorizationRequests.insert(request).catch((e: unknown) => e);
      expectSwitchboardError(error, 'conflict');
    });

    it('deleteExpired removes exactly the expired requests', async () => {
      // Far in the past, so requests from other tests (expiring around t0) are not counted.
      const cutoff = new Date('1990-01-01T00:00:10.000Z');
      const expired = await aRequest({ expiresAt: new Date('1990-01-01T00:00:00.000Z') });
      const atCutoff = await aRequest({ expiresAt: cutoff });
      const live = await aRequest({ expiresAt: new Date('1990-01-01T00:00:10.001Z') });
      expect(await store.authorizationRequests.deleteExpired(cutoff)).toBe(2);
      expect(await store.authorizationRequests.deleteExpired(cutoff)).toBe(0);
      expect(await store.authorizationRequests.consume(expired.stateHash)).toBeUndefined();
      expect(await store.authorizationRequests.consume(atCutoff.stateHash)).toBeUndefined();
      expect(await store.authorizationRequests.consume(live.stateHash)).toEqual(live);
    });
  });

  describe('withConnectionLock', () => {
    it('returns undefined without calling fn when the connection does not exist', async () => {
      let called = false;
      const result = await store.withConnectionLock('missing', async () => {
        called = true;
        return 1;
      });
      expect(result).toBeUndefined();
      expect(called).toBe(false);
    });

    it('runs 20 concurrent holders one at a time, each seeing the previous write', async () => {
      const connection = await authorizedConnection();
      let active = 0;
      let maxActive = 0;
      const seen: number[] = [];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.withConnectionLock(connection.id, async (locked) => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            seen.push(locked.current.tokenGeneration);
            await sleep(2);
            const saved = await locked.saveRefreshed(someTokens(`holder-${i}`), at(i));
            active -= 1;
            return saved.tokenGeneration;
          }),
        ),
      );
      expect(maxActive).toBe(1);
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect([...results].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      expect((await store.connections.getById(connection.id))?.tokenGeneration).toBe(21);
    });

    it('does not block other connections', async () => {
      const [first, second] = [await authorizedConnection(), await authorizedConnection()];
      let releaseFirst: () => void = () => {};
      const firstHeld = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      const holding = store.withConnectionLock(first.id, () => firstHeld);
      const other = await store.withConnectionLock(second.id, async (locked) => locked.current.id);
      expect(other).toBe(second.id);
      releaseFirst();
      await holding;
    });

    it('writes through the locked handle: refresh, re-authorization needed, errors, revocation', async () => {
      const connection = await authorizedConnection();
      const error = { code: 'upstream_unavailable', message: 'HTTP 503', at: at(100) };
      const afterRefresh = await store.withConnectionLock(connection.id, async (locked) => {
        expect(locked.current).toEqual(connection);
        await locked.recordError(error, at(100));
        return locked.saveRefreshed(someTokens('refreshed', { expiresAt: null, scopes: ['s'] }), at(101));
      });
      expect(afterRefresh).toEqual({
        ...connection,
        accessTokenEncrypted: 'access:refreshed',
        refreshTokenEncrypted: 'refresh:refreshed',
        fieldsEncrypted: 'fields:refreshed',
        expiresAt: null,
        scopes: ['s'],
        lastRefreshedAt: at(101),
        lastError: null,
        tokenGeneration: 2,
        updatedAt: at(101),
      });

      const marked = await store.withConnectionLock(connection.id, async (locked) => {
        await locked.recordError(error, at(102));
        expect((await store.connections.getById(connection.id))?.lastError).toEqual(
          database.name === 'postgres' ? null : { ...error },
        );
        return locked.markNeedsReauthorization({ code: 'needs_reauthorization', message: 'invalid_grant', at: at(103) }, at(103));
      });
      expect(marked).toEqual({
        ...afterRefresh,
        status: 'needs_reauthorization',
        lastError: { code: 'needs_reauthorization', message: 'invalid_grant', at: at(103) },
        updatedAt: at(103),
      });
      expect(await store.connections.getById(connection.id)).toEqual(marked);

      await store.withConnectionLock(connection.id, (locked) => locked.clearTokens(at(104)));
      const cleared = await store.connections.getById(connection.id);
      expect(cleared).toMatchObject({ status: 'not_authorized', accessTokenEncrypted: null, refreshTokenEncrypted: null, tokenGeneration: 3 });
    });

    it('releases the lock when fn throws, rolling back its writes on PostgreSQL', async () => {
      const connection = await authorizedConnection();
      const failure = await store
        .withConnectionLock(connection.id, async (locked) => {
          await locked.saveRefreshed(someTokens('doomed'), at(1));
          throw new Error('token endpoint exploded');
        })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toBe('token endpoint exploded');

      const after = await store.connections.getById(connection.id);
      if (database.name === 'postgres') expect(after).toEqual(connection);
      else expect(after?.accessTokenEncrypted).toBe('access:doomed'); // SQLite: single statements, no rollback

      // The lock is free again.
      const next = await store.withConnectionLock(connection.id, async (locked) => locked.current.tokenGeneration);
      expect(next).toBe(after?.tokenGeneration);
    });

    it('refuses writes through a handle after the lock is released', async () => {
      const connection = await authorizedConnection();
      const escaped = await store.withConnectionLock(connection.id, async (locked) => locked);
      await expect(escaped!.saveRefreshed(someTokens('late'), at(1))).rejects.toThrow(/already released/);
      expect(await store.connections.getById(connection.id)).toEqual(connection);
    });

    it('never lets a refresh overwrite a re-authorization that landed meanwhile', async () => {
      const connection = await authorizedConnection();
      const reauthorize = () =>
        store.connections.saveAuthorized({
          idIfNew: randomUUID(),
          orgId: connection.orgId,
          connectorId: connection.connectorId,
          tokens: someTokens('reauthorized'),
          consentedVersion: null,
          now: at(10),
        });
      let pending: Promise<Connection> | undefined;
      const refreshed = await store.withConnectionLock(connection.id, async (locked) => {
        // PostgreSQL: the upsert waits for the row lock, so it lands after this refresh commits.
        // SQLite: it lands now, while the refresh is "on the network".
        pending = reauthorize();
        if (database.name === 'sqlite') await pending;
        return locked.saveRefreshed(someTokens('refreshed-from-old-chain'), at(9));
      });
      await pending;
      if (database.name === 'sqlite') {
        expect(refreshed?.accessTokenEncrypted).toBe('access:reauthorized'); // the refresh was skipped
      }
      const final = await store.connections.getById(connection.id);
      expect(final?.accessTokenEncrypted).toBe('access:reauthorized');
      expect(final?.status).toBe('authorized');
    });

    if (database.name === 'postgres') {
      it('excludes holders across two separate stores (two instances)', async () => {
        const connection = await authorizedConnection();
        const second = await openStore(opened.config);
        try {
          let active = 0;
          let maxActive = 0;
          const seen: number[] = [];
          await Promise.all(
            Array.from({ length: 12 }, (_, i) =>
              (i % 2 === 0 ? store : second).withConnectionLock(connection.id, async (locked) => {
                active += 1;
                maxActive = Math.max(maxActive, active);
                seen.push(locked.current.tokenGeneration);
                await sleep(5);
                await locked.saveRefreshed(someTokens(`instance-${i % 2}-${i}`), at(i));
                active -= 1;
              }),
            ),
          );
          expect(maxActive).toBe(1);
          expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
          expect((await second.connections.getById(connection.id))?.tokenGeneration).toBe(13);
        } finally {
          await second.close();
        }
      });
    }
  });

  describe('migrations', () => {
    it('are idempotent: a second open of the same database migrates nothing and sees the data', async () => {
      const connector = aConnector();
      await store.connectors.insert(connector);
      const again = await openStore(opened.config);
      try {
        expect(await again.connectors.get(connector.id)).toEqual(connector);
      } finally {
        await again.close();
      }
    });

    if (database.name === 'postgres') {
      it('keeps every table, kysely bookkeeping included, inside the configured schema', async () => {
        const config = opened.config as Extract<StorageConfig, { kind: 'postgres' }>;
        const client = new pg.Client({ connectionString: config.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ table_name: string }>(
            'select table_name from information_schema.tables where table_schema = $1 order by table_name',
            [config.schema],
          );
          // Sorted here: the server's collation orders underscores its own way.
          expect(rows.map((row) => row.table_name).sort()).toEqual(
            [
              'apis',
              'authorization_requests',
              'connections',
              'connector_credentials',
              'connector_version_apis',
              'connector_versions',
              'connectors',
              'console_sessions',
              'events',
              'installations',
              'installed_connectors',
              'jobs',
              'kysely_migration',
              'kysely_migration_lock',
              'org_keys',
              'orgs',
              'release_connectors',
              'sdk_sessions',
              'solution_connectors',
              'solution_releases',
              'solutions',
              // 0005-functions
              'executions',
              'functions',
              'release_functions',
              // 0006-webhooks
              'webhook_deliveries',
              'webhook_dispatch_positions',
              'webhooks',
              // 0007-actions
              'connector_actions',
              'release_actions',
            ].sort(),
          );
        } finally {
          await client.end();
        }
      });
    }
  });
});

describe('openStore', () => {
  it('opens an in-memory SQLite database', async () => {
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    try {
      await store.ping();
      expect(await store.connectors.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a PostgreSQL schema name it cannot use safely', async () => {
    await expect(openStore({ kind: 'postgres', url: 'postgres://127.0.0.1:1/x', schema: 'Bad-Name' })).rejects.toThrow(
      /invalid PostgreSQL schema name/,
    );
  });
});
