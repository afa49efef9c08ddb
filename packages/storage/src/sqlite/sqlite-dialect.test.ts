import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
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
