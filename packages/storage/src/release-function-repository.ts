import type { ReleasedFunction, ReleaseFunctionRepository } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { compareText } from './compare-text.js';
import type { Database, ReleaseFunctionsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function releasedFromRow(row: Selectable<ReleaseFunctionsTable>): ReleasedFunction {
  return {
    releaseId: row.release_id,
    apiName: row.api_name,
    name: row.name,
    source: row.source,
    timeoutMs: Number(row.timeout_ms),
    memoryMb: Number(row.memory_mb),
  };
}

export function createReleaseFunctionRepository(db: Kysely<Database>): ReleaseFunctionRepository {
  return {
    /** One statement per function: sources can be large, and a multi-row INSERT of them gains nothing. */
    async insertMany(functions) {
      try {
        for (const fn of functions) {
          await db
            .insertInto('release_functions')
            .values({ release_id: fn.releaseId, api_name: fn.apiName, name: fn.name, source: fn.source, timeout_ms: fn.timeoutMs, memory_mb: fn.memoryMb })
            .execute();
        }
      } catch (error) {
        throw translateDatabaseError(error, { conflict: 'the release already records a function of this name', missingReference: 'the release does not exist' });
      }
    },

    async get(releaseId, apiName) {
      const row = await db.selectFrom('release_functions').selectAll().where('release_id', '=', releaseId).where('api_name', '=', apiName).executeTakeFirst();
      return row === undefined ? undefined : releasedFromRow(row);
    },

    async list(releaseId) {
      const rows = await db.selectFrom('release_functions').selectAll().where('release_id', '=', releaseId).execute();
      return rows.map(releasedFromRow).sort((a, b) => compareText(a.apiName, b.apiName));
    },
  };
}
