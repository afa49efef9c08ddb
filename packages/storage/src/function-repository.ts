import type { FunctionPatch, FunctionRepository, SolutionFunction } from '@switchboard/core';
import type { Kysely, Selectable, Updateable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import { compareText } from './compare-text.js';
import type { Database, FunctionsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function functionFromRow(row: Selectable<FunctionsTable>): SolutionFunction {
  return {
    id: row.id,
    solutionId: row.solution_id,
    apiName: row.api_name,
    name: row.name,
    source: row.source,
    timeoutMs: Number(row.timeout_ms),
    memoryMb: Number(row.memory_mb),
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}

function patchToRow(patch: FunctionPatch, updatedAt: Date): Updateable<FunctionsTable> {
  const row: Updateable<FunctionsTable> = { updated_at: toDbDate(updatedAt) };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.source !== undefined) row.source = patch.source;
  if (patch.timeoutMs !== undefined) row.timeout_ms = patch.timeoutMs;
  if (patch.memoryMb !== undefined) row.memory_mb = patch.memoryMb;
  return row;
}

export function createFunctionRepository(db: Kysely<Database>): FunctionRepository {
  return {
    async insert(fn) {
      try {
        await db
          .insertInto('functions')
          .values({
            id: fn.id,
            solution_id: fn.solutionId,
            api_name: fn.apiName,
            name: fn.name,
            source: fn.source,
            timeout_ms: fn.timeoutMs,
            memory_mb: fn.memoryMb,
            created_at: toDbDate(fn.createdAt),
            updated_at: toDbDate(fn.updatedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `the solution already has a function named ${fn.apiName}`, missingReference: 'the solution does not exist' });
      }
    },

    async get(solutionId, apiName) {
      const row = await db.selectFrom('functions').selectAll().where('solution_id', '=', solutionId).where('api_name', '=', apiName).executeTakeFirst();
      return row === undefined ? undefined : functionFromRow(row);
    },

    async list(solutionId) {
      const rows = await db.selectFrom('functions').selectAll().where('solution_id', '=', solutionId).execute();
      // Sorted here: the dialects' collations order `_` differently.
      return rows.map(functionFromRow).sort((a, b) => compareText(a.apiName, b.apiName));
    },

    async update(solutionId, apiName, patch, updatedAt) {
      await db.updateTable('functions').set(patchToRow(patch, updatedAt)).where('solution_id', '=', solutionId).where('api_name', '=', apiName).execute();
      return this.get(solutionId, apiName);
    },

    async delete(solutionId, apiName) {
      const result = await db.deleteFrom('functions').where('solution_id', '=', solutionId).where('api_name', '=', apiName).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
