/**
 * The one place where values cross between records and columns. Both dialects store the same
 * representation (see schema.ts), so repositories never branch on the dialect.
 */

/** Date → epoch milliseconds. */
export function toDbDate(date: Date): number {
  const ms = date.getTime();
  // An Invalid Date would be stored as NaN (pg rejects it, SQLite stores NULL): fail here instead.
  if (!Number.isFinite(ms)) throw new RangeError('cannot store an invalid Date');
  return ms;
}

export function toDbDateOrNull(date: Date | null): number | null {
  return date === null ? null : toDbDate(date);
}

/** Epoch milliseconds → Date; accepts pg's string form of int8. */
export function fromDbDate(value: number | string): Date {
  return new Date(typeof value === 'string' ? Number(value) : value);
}

export function fromDbDateOrNull(value: number | string | null): Date | null {
  return value === null ? null : fromDbDate(value);
}

export function toDbBoolean(value: boolean): number {
  return value ? 1 : 0;
}

export function fromDbBoolean(value: number): boolean {
  return value === 1;
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Parses JSON written by `toDbJson`. The type is the caller's claim: only this package writes
 * these columns, always from typed records, so no runtime schema check is repeated here.
 */
export function fromDbJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
