/** How much of the time to show: minutes for most facts, seconds for event and delivery logs. */
export type DateTimePrecision = 'minutes' | 'seconds';

/**
 * An ISO 8601 instant in the reader's locale and time zone ("Mar 12, 2026, 2:05 PM"); "—" for
 * null or undefined, and the input itself when it does not parse (better than "Invalid Date").
 * The one date format of the console, so every page shows times the same way.
 */
export function formatDateTime(iso: string | null | undefined, precision: DateTimePrecision = 'minutes'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: precision === 'seconds' ? 'medium' : 'short' });
}
