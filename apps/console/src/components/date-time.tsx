import { formatDateTime, type DateTimePrecision } from '../format/format-date-time.js';

/** An instant as a `<time>` element: machine-readable `dateTime`, text in the reader's locale. */
export function DateTime({ iso, precision = 'minutes', className }: { iso: string; precision?: DateTimePrecision; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatDateTime(iso, precision)}
    </time>
  );
}
