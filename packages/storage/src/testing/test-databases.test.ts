import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSchemaName, testDatabases } from './test-databases.js';

// Port 1 refuses connections at once: an unreachable PostgreSQL without waiting for a timeout.
const unreachable = 'postgres://postgres:hunter2@127.0.0.1:1/test';

describe('testDatabases', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('locally leaves an unreachable PostgreSQL out, with one warning that hides the password', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const names = testDatabases({ SWITCHBOARD_TEST_DATABASE_URL: unreachable, CI: 'false' }).map((db) => db.name);
    expect(names).toEqual(['sqlite']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/PostgreSQL tests skipped/);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('hunter2');
  });

  it('under CI keeps PostgreSQL listed so that an unreachable server fails the tests', async () => {
    const databases = testDatabases({ SWITCHBOARD_TEST_DATABASE_URL: unreachable, CI: 'true' });
    expect(databases.map((db) => db.name)).toEqual(['sqlite', 'postgres']);
    await expect(databases[1]!.open()).rejects.toThrow();
  });

  it('makes distinct, valid schema names', () => {
    const names = new Set(Array.from({ length: 50 }, newSchemaName));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^sb_test_[0-9a-f]{12}$/);
  });
});
