import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '@switchboard/core';
import { createEventRepository, eventsPerInsert } from '../event-repository.js';
import { runMigrations } from '../migrations/run-migrations.js';
import type { Database } from '../schema.js';
import { createSqliteDialect } from './sqlite-dialect.js';

interface TestDatabase {
  t: { id: number; v: string };
}

let db: Kysely<TestDatabase> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function open(file = ':memory:') {
  const handles = createSqliteDialect(file);
  db = new Kysely<TestDatabase>({ dialect: handles.dialect });
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  await db.insertInto('t').values([{ id: 1, v: 'a' }, { id: 2, v: 'b' }]).execute();
  return { db, readNow: handles.readNow };
}

describe('createSqliteDialect readNow', () => {
  it('runs a compiled SELECT at once, as objects or as arrays', async () => {
    const { db, readNow } = await open();
    const query = db.selectFrom('t').select(['id', 'v']).where('id', '=', 2).compile();
    expect(readNow(query)).toEqual([{ id: 2, v: 'b' }]);
    expect(readNow(query, { raw: true })).toEqual([[2, 'b']]);
    // The statement kysely shares is back in object mode.
    expect(await db.selectFrom('t').select(['id', 'v']).where('id', '=', 2).execute()).toEqual([{ id: 2, v: 'b' }]);
  });

  it('refuses statements that return no rows', async () => {
    const { db, readNow } = await open();
    expect(() => readNow(db.deleteFrom('t').compile())).toThrow(/only statements that return rows/);
    expect(await db.selectFrom('t').select('id').execute()).toHaveLength(2);
  });

  it('answers undefined while a transaction holds the connection, so the read queues behind it through kysely', async () => {
    const { db, readNow } = await open();
    const query = db.selectFrom('t').select('v').orderBy('id').compile();
    let during: unknown[] | undefined = [];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 3, v: 'uncommitted' }).execute();
      during = readNow(query);
    });
    expect(during).toBeUndefined();
    expect(readNow(query)).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'uncommitted' }]);
  });
});

describe('createSqliteDialect readNow reuseWhileUnchanged', () => {
  const reuse = { raw: true, reuseWhileUnchanged: true } as const;

  it('answers from memory while nothing was written, per query and parameters', async () => {
    const { db, readNow } = await open();
    const byId = (id: number) => db.selectFrom('t').select(['id', 'v']).where('id', '=', id).compile();
    const first = readNow(byId(1), reuse);
    expect(first).toEqual([[1, 'a']]);
    expect(readNow(byId(1), reuse)).toBe(first);
    expect(readNow(byId(2), reuse)).toEqual([[2, 'b']]);
    expect(readNow(byId(1))).toEqual([{ id: 1, v: 'a' }]);
  });

  it('reads afresh after any write through kysely on this connection', async () => {
    const { db, readNow } = await open();
    const query = db.selectFrom('t').select('v').where('id', '=', 1).compile();
    expect(readNow(query, reuse)).toEqual([['a']]);
    await db.updateTable('t').set({ v: 'changed' }).where('id', '=', 1).execute();
    expect(readNow(query, reuse)).toEqual([['changed']]);
    await db.updateTable('t').set({ v: 'returned' }).where('id', '=', 1).returning('id').execute();
    expect(readNow(query, reuse)).toEqual([['returned']]);
    // A failed write counts too (nothing to lose by reading again).
    await expect(db.insertInto('t').values({ id: 1, v: 'dup' }).execute()).rejects.toThrow();
    expect(readNow(query, reuse)).toEqual([['returned']]);
  });

  it('reads afresh after another connection commits to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-dialect-'));
    try {
      const { db: kysely, readNow } = await open(join(dir, 'db.sqlite'));
      const query = kysely.selectFrom('t').select('v').where('id', '=', 2).compile();
      expect(readNow(query, reuse)).toEqual([['b']]);
      const other = new BetterSqlite3(join(dir, 'db.sqlite'));
      other.prepare("update t set v = 'from elsewhere' where id = 2").run();
      expect(readNow(query, reuse)).toEqual([['from elsewhere']]);
      expect(readNow(query, reuse)).toEqual([['from elsewhere']]);
      other.close();
      await kysely.destroy();
      db = undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createSqliteDialect readNow reuseWhileUnchanged, writes to the audit trail', () => {
  const reuse = { raw: true, reuseWhileUnchanged: true } as const;

  async function openMigrated() {
    const handles = createSqliteDialect(':memory:');
    const store = new Kysely<Database>({ dialect: handles.dialect });
    await runMigrations(store);
    await store.insertInto('orgs').values({ id: 'acme', name: 'Acme', created_at: 1 }).execute();
    return { store, readNow: handles.readNow };
  }

  const anEvent = (id: string, at: number): AuditEvent => ({
    id,
    orgId: 'acme',
    type: 'api.invoked',
    connector: 'crm',
    actor: { kind: 'admin' },
    data: { api: 'list', upstreamStatus: 200 },
    at: new Date(at),
  });

  it('keeps remembered rows across event writes (one statement, a batch in a transaction, retention) and not across any other write', async () => {
    const { store, readNow } = await openMigrated();
    try {
      const events = createEventRepository(store);
      const query = store.selectFrom('orgs').select('name').where('id', '=', 'acme').compile();
      const first = readNow(query, reuse);
      expect(first).toEqual([['Acme']]);

      await events.append(anEvent('e-0', 1));
      await events.appendMany([anEvent('e-1', 1)]);
      await events.appendMany(Array.from({ length: eventsPerInsert + 5 }, (_, i) => anEvent(`b-${i}`, 2)));
      expect(await events.deleteOlderThan(new Date(2), { limit: 10 })).toBe(2);
      // The same array: answered from memory, no SQLite run.
      expect(readNow(query, reuse)).toBe(first);

      await store.updateTable('orgs').set({ name: 'Acme 2' }).where('id', '=', 'acme').execute();
      expect(readNow(query, reuse)).toEqual([['Acme 2']]);
      // A write to another table counts even when it does nothing visible to this query.
      const second = readNow(query, reuse);
      await store.deleteFrom('org_keys').where('id', '=', 'none').execute();
      const third = readNow(query, reuse);
      expect(third).toEqual([['Acme 2']]);
      expect(third).not.toBe(second);
    } finally {
      await store.destroy();
    }
  });

  it('refuses to remember a query that reads the events table', async () => {
    const { store, readNow } = await openMigrated();
    try {
      const query = store.selectFrom('events').select('id').compile();
      expect(() => readNow(query, reuse)).toThrow(/cannot remember a query on events/);
      expect(readNow(query, { raw: true })).toEqual([]);
    } finally {
      await store.destroy();
    }
  });

  it('relies on a schema where writing events changes no other table: no triggers, no foreign key from or to events', async () => {
    const { store } = await openMigrated();
    try {
      const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(store);
      expect(triggers.rows).toEqual([]);
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store);
      expect(tables.rows.map((row) => row.name)).toContain('events');
      for (const { name } of tables.rows) {
        const keys = await sql<{ table: string }>`select * from pragma_foreign_key_list(${name})`.execute(store);
        if (name === 'events') expect(keys.rows).toEqual([]);
        expect(keys.rows.map((key) => key.table)).not.toContain('events');
      }
    } finally {
      await store.destroy();
    }
  });
});
