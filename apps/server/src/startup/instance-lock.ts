import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * One server per SQLite file. The refresh lock on SQLite lives in process memory, so a second
 * server on the same file could refresh the same token twice and kill a rotating grant; many
 * instances belong on PostgreSQL. The lock file holds the owner's pid; a stale one (its process
 * is gone) is taken over.
 */
export function acquireInstanceLock(path: string): { release(): void } {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(
        `Another Switchboard process (pid ${owner}) is using this data dir's SQLite database (${path}). ` +
          'Run one server per SQLite file, or use PostgreSQL (SWITCHBOARD_DATABASE_URL) for several instances.',
      );
    }
    rmSync(path, { force: true });
  }
  throw new Error(`Could not take the instance lock ${path}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
