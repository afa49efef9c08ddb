import { randomUUID } from 'node:crypto';
import { SwitchboardError, silentLogger, type Store } from '@switchboard/core';
import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { createPostgresDialect } from './postgres/postgres-dialect.js';
import type { Database } from './schema.js';
import { testDatabases } from './testing/test-databases.js';

const postgres = testDatabases().filter((database) => database.name === 'postgres');

async function seedConnection(store: Store): Promise<string> {
  const now = new Date();
  const connectorId = randomUUID();
  await store.orgs.ensure({ id: 'dev', name: 'Dev', createdAt: now });
  await store.connectors.insert({
    id: connectorId,
    apiName: `c_${connectorId.slice(0, 8)}`,
    name: 'C',
    description: null,
    serviceName: 'S',
    signupUrl: null,
    authorizationUrl: 'https://s.example/a',
    tokenUrl: 'https://s.example/t',
    refreshUrl: null,
    revokeUrl: null,
    revokeUsing: null,
    scopes: [],
    scopeSeparator: ' ',
    pkce: true,
    clientAuthMethod: 'client_secret_basic',
    authorizationParams: {},
    tokenParams: {},
    tokenPlacement: { type: 'header', name: 'Authorization', prefix: 'Bearer ' },
    issuer: null,
    createdAt: now,
    updatedAt: now,
  });
  const connection = await store.connections.saveAuthorized({
    idIfNew: randomUUID(),
    orgId: 'dev',
    connectorId,
    tokens: { accessTokenEncrypted: 'a', refreshTokenEncrypted: 'r', tokenType: null, expiresAt: null, fieldsEncrypted: null, scopes: [] },
    consentedVersion: null,
    now,
  });
  return connection.id;
}

describe.each(postgres)('connection lock on $name', (database) => {
  it('turns an expired lock wait (another instance holding on) into upstream_unavailable', async () => {
    const opened = await database.open();
    const config = opened.config;
    if (config.kind !== 'postgres') throw new Error('expected a PostgreSQL config');
    // A second instance with a short lock timeout, built like openStore does.
    const db = new Kysely<Database>({
      dialect: createPostgresDialect({ url: config.url, schema: config.schema ?? 'public', poolSize: 2, logger: silentLogger }),
    });
    const impatient = createStore({ kind: 'postgres', db, poolSize: 2, lockTimeoutMs: 100 });
    try {
      const id = await seedConnection(opened.store);
      let release: () => void = () => {};
      let held: () => void = () => {};
      const isHeld = new Promise<void>((resolve) => (held = resolve));
      const holder = opened.store.withConnectionLock(id, async () => {
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isHeld;
      const error = await impatient.withConnectionLock(id, async () => 'never').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SwitchboardError);
      expect((error as SwitchboardError).code).toBe('upstream_unavailable');
      release();
      await holder;
      // Once free, the impatient instance gets it.
      await expect(impatient.withConnectionLock(id, async () => 'got it')).resolves.toBe('got it');
    } finally {
      await impatient.close();
      await opened.cleanup();
    }
  });
});
