import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@switchboard/core';
import pg from 'pg';
import { openStore } from '../open-store.js';
import type { StorageConfig } from '../storage-config.js';

export const defaultTestDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';

export interface OpenedTestDatabase {
  readonly store: Store;
  /** Open a second store on the same database with it (two instances, idempotent migrations). */
  readonly config: StorageConfig;
  /** Closes the store and removes the database (file or schema). Other stores must be closed first. */
  cleanup(): Promise<void>;
}

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database. */
  open(): Promise<OpenedTestDatabase>;
}

/** A schema name unique to this run, e.g. `sb_test_1a2b3c4d5e6f`. */
export function newSchemaName(): string {
  return `sb_test_${randomBytes(6).toString('hex')}`;
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Whether PostgreSQL answers `select 1`. `testDatabases()` must return its list synchronously
 * (it feeds `describe.each`), and a socket cannot be waited on synchronously, so a short-lived
 * child process does the round trip.
 */
function probePostgres(url: string): { ok: true } | { ok: false; reason: string } {
  const pgEntry = createRequire(import.meta.url).resolve('pg');
  const script = `
    const pg = require(process.argv[1]);
    const client = new pg.Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 2000 });
    client.connect().then(() => client.query('select 1')).then(
      () => client.end().then(() => process.exit(0)),
      (error) => { process.stderr.write(String(error && error.message)); process.exit(1); },
    );`;
  const result = spawnSync(process.execPath, ['-e', script, pgEntry], {
    env: { ...process.env, PROBE_URL: url },
    encoding: 'utf8',
    timeout: 5_000,
  });
  if (result.status === 0) return { ok: true };
  return { ok: false, reason: result.stderr.trim() || result.error?.message || `probe exited with ${result.status}` };
}

/** The URL for messages: a password in it must not reach the test log. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable SWITCHBOARD_TEST_DATABASE_URL)';
  }
}

/** Opens a store on a fresh database; `cleanup` closes it, then removes the database. */
async function openFresh(config: StorageConfig, removeDatabase: () => void | Promise<void>): Promise<OpenedTestDatabase> {
  const store = await openStore(config);
  return {
    store,
    config,
    async cleanup() {
      await store.close();
      await removeDatabase();
    },
  };
}

function sqliteDatabase(): TestDatabase {
  return {
    name: 'sqlite',
    async open() {
      // A real file rather than :memory:, so WAL is exercised and a second store can open it.
      const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
      const config: StorageConfig = { kind: 'sqlite', file: join(dir, 'switchboard.db') };
      return openFresh(config, () => rmSync(dir, { recursive: true, force: true }));
    },
  };
}

function postgresDatabase(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = newSchemaName();
      // Small pools: many test files run in parallel against one server.
      const config: StorageConfig = { kind: 'postgres', url, schema, poolSize: 4 };
      return openFresh(config, async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop schema if exists "${schema}" cascade`);
        } finally {
          await client.end();
        }
      });
    },
  };
}

/**
 * The databases every storage-backed test should run against, for `describe.each`.
 *
 * PostgreSQL comes from `SWITCHBOARD_TEST_DATABASE_URL` (default {@link defaultTestDatabaseUrl}),
 * in a fresh schema per `open()`. Under CI it is always listed, so an unreachable server fails the
 * run instead of silently shrinking it; locally an unreachable server is left out with a warning.
 */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const url = env['SWITCHBOARD_TEST_DATABASE_URL'] || defaultTestDatabaseUrl;
  const databases = [sqliteDatabase()];
  if (isCi(env)) return [...databases, postgresDatabase(url)];
  const probe = probePostgres(url);
  if (probe.ok) return [...databases, postgresDatabase(url)];
  console.warn(`PostgreSQL tests skipped: ${redactUrl(url)} is unreachable (${probe.reason}); set CI=1 to make this an error.`);
  return databases;
}
