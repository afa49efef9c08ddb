import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withCachedStatements } from './cached-statements.js';

function openMemory() {
  const database = new BetterSqlite3(':memory:');
  database.exec('create table t (id integer primary key, v text)');
  database.exec("insert into t (v) values ('a'), ('b'), ('c')");
  return database;
}

describe('withCachedStatements', () => {
  it('prepares each SQL text once and reuses the statement', () => {
    const cached = withCachedStatements(openMemory());
    const first = cached.prepare('select v from t where id = ?');
    expect(first.all([1])).toEqual([{ v: 'a' }]);
    const again = cached.prepare('select v from t where id = ?');
    expect(again).toBe(first);
    expect(again.all([2])).toEqual([{ v: 'b' }]);
    expect(cached.prepare('select v from t where id = ? ')).not.toBe(first);
  });

  it('drops the least recently used statement beyond the bound', () => {
    const cached = withCachedStatements(openMemory(), { maxStatements: 2 });
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a); // now `select 2` is the least recent
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('hands out a fresh statement while the cached one is being iterated', () => {
    const cached = withCachedStatements(openMemory());
    const sql = 'select v from t order by id';
    const iterating = cached.prepare(sql);
    const rows = iterating.iterate([]);
    expect(rows.next().value).toEqual({ v: 'a' });
    const other = cached.prepare(sql);
    expect(other).not.toBe(iterating);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(cached.prepare(sql)).toBe(iterating);
  });

  it('sees schema changes made after a statement was cached', () => {
    const database = openMemory();
    const cached = withCachedStatements(database);
    expect(cached.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, v: 'a' }]);
    database.exec("alter table t add column w text default 'x'");
    expect(cached.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, v: 'a', w: 'x' }]);
  });

  it('reports every statement that can write as it hands it out, cached or not', () => {
    let writes = 0;
    const cached = withCachedStatements(openMemory(), { onWrite: () => (writes += 1) });
    cached.prepare('select v from t');
    cached.prepare('begin');
    cached.prepare('commit');
    expect(writes).toBe(0);
    cached.prepare("insert into t (v) values ('d')").run([]);
    cached.prepare("insert into t (v) values ('d')").run([]);
    cached.prepare("update t set v = 'e' where id = 1 returning id").all([]);
    cached.prepare('delete from t where id = 2');
    cached.prepare('create table u (x)');
    expect(writes).toBe(5);
  });

  it('closes the database', () => {
    const database = openMemory();
    withCachedStatements(database).close();
    expect(database.open).toBe(false);
  });
});
