import type { Execution, ExecutionRepository, FunctionLog } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbBoolean, fromDbDate, fromDbJson, toDbBoolean, toDbDate, toDbJson } from './column-codec.js';
import type { Database, ExecutionsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function executionFromRow(row: Selectable<ExecutionsTable>): Execution {
  return {
    id: row.id,
    orgId: row.org_id,
    solution: row.solution,
    function: row.function,
    trigger: row.trigger,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    logs: fromDbJson<FunctionLog[]>(row.logs),
    logsTruncated: fromDbBoolean(Number(row.logs_truncated)),
    durationMs: Number(row.duration_ms),
    connectorCalls: Number(row.connector_calls),
    startedAt: fromDbDate(row.started_at),
  };
}

export function createExecutionRepository(db: Kysely<Database>): ExecutionRepository {
  return {
    async insert(execution) {
      try {
        await db
          .insertInto('executions')
          .values({
            id: execution.id,
            org_id: execution.orgId,
            solution: execution.solution,
            function: execution.function,
            trigger: execution.trigger,
            status: execution.status,
            error_code: execution.errorCode,
            error_message: execution.errorMessage,
            logs: toDbJson(execution.logs),
            logs_truncated: toDbBoolean(execution.logsTruncated),
            duration_ms: execution.durationMs,
            connector_calls: execution.connectorCalls,
            started_at: toDbDate(execution.startedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: 'an execution with this id already exists' });
      }
    },

    /** Newest first, strictly before the cursor: `(started_at, id) < (?, ?)` walks the org's index backwards. */
    async list(query) {
      let select = db.selectFrom('executions').selectAll().where('org_id', '=', query.orgId);
      const { before } = query;
      if (before !== undefined) {
        select = select.where((eb) => eb(eb.refTuple('started_at', 'id'), '<', eb.tuple(toDbDate(before.at), before.id)));
      }
      const rows = await select.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(executionFromRow);
    },
  };
}
