import { SwitchboardError } from '@switchboard/core';

/** Non-secret messages for the constraint violations an operation can hit. */
export interface ConstraintMessages {
  /** A unique or primary key already holds the value. */
  readonly conflict: string;
  /** A foreign key points at a row that does not exist. */
  readonly missingReference?: string;
}

// SQLSTATE codes (PostgreSQL appendix A) and better-sqlite3 extended result codes.
const uniqueViolationCodes = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const foreignKeyViolationCodes = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

function driverCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a driver's constraint violation into the `SwitchboardError` the Store port promises;
 * anything else is returned unchanged. The driver error goes into `cause` only: its message can
 * quote the offending values.
 */
export function translateDatabaseError(error: unknown, messages: ConstraintMessages): unknown {
  const code = driverCode(error);
  if (code === undefined) return error;
  if (uniqueViolationCodes.has(code)) return new SwitchboardError('conflict', messages.conflict, { cause: error });
  if (foreignKeyViolationCodes.has(code) && messages.missingReference !== undefined) {
    return new SwitchboardError('not_found', messages.missingReference, { cause: error });
  }
  return error;
}
