import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from './instance-lock.js';

describe('acquireInstanceLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-lock-'));
  const path = join(dir, 'switchboard.db.lock');
  afterEach(() => rmSync(path, { force: true }));

  it('takes the lock, refuses a second holder while the first lives, and frees it on release', () => {
    const lock = acquireInstanceLock(path);
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireInstanceLock(path)).toThrow(/Another Switchboard process \(pid \d+\).*PostgreSQL/s);
    lock.release();
    expect(existsSync(path)).toBe(false);
    acquireInstanceLock(path).release();
  });

  it('takes over a stale lock whose process is gone', () => {
    // A pid that certainly exited: a child that has already finished.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path, `${gone}\n`);
    const lock = acquireInstanceLock(path);
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
