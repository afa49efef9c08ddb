/** PostgreSQL `foreign_key_violation` (SQLSTATE 23503) and better-sqlite3's extended result code. */
const foreignKeyViolationCodes = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/**
 * Whether a driver error is a foreign-key violation. On delete it means another row still
 * references the one being deleted (the reference has no ON DELETE action on purpose), which
 * the caller reports as `in_use` rather than `not_found` (see `translateDatabaseError`).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error as { code: unknown };
  return typeof code === 'string' && foreignKeyViolationCodes.has(code);
}
