import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { reusableQuery } from './reusable-query.js';
import type { Database } from './schema.js';
import { createSqliteDialect } from './sqlite/sqlite-dialect.js';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function open() {
  const handles = createSqliteDialect(':memory:');
  db = new Kysely<Database>({ dialect: handles.dialect });
  await sql`create table orgs (id text primary key, name text not null, created_at integer not null)`.execute(db);
  await db.insertInto('orgs').values([{ id: 'a', name: 'A', created_at: 1 }, { id: 'b', name: 'B', created_at: 2 }]).execute();
  return { db, readNow: handles.readNow };
}

describe('reusableQuery', () => {
  it('binds each call’s values where the names were built in, with and without readNow', async () => {
    const { db, readNow } = await open();
    const build = (values: Readonly<Record<'name' | 'id', string>>) =>
      db.selectFrom('orgs').select(['name', 'id']).where('name', '=', values.name).where('id', '=', values.id);
    for (const direct of [readNow, undefined]) {
      const query = reusableQuery(db, { names: ['id', 'name'], columns: ['name', 'id'], readNow: direct }, build);
      expect(await query({ id: 'b', name: 'B' })).toEqual([['B', 'b']]);
      expect(await query({ id: 'b', name: 'A' })).toEqual([]);
      expect(await query({ id: "a' or 1=1 --", name: 'A' })).toEqual([]);
    }
  });

  it('refuses a name that is not bound, and a bound value that is not a name', async () => {
    const { db } = await open();
    expect(() => reusableQuery(db, { names: ['id', 'name'], columns: ['id'] }, (values) => db.selectFrom('orgs').select('id').where('id', '=', values.id))).toThrow(
      /"name" is not bound/,
    );
    expect(() => reusableQuery(db, { names: ['id'], columns: ['id'] }, (values) => db.selectFrom('orgs').select('id').where('id', '=', values.id).where('name', '=', 'fixed'))).toThrow(
      /not one of its names/,
    );
  });
});
