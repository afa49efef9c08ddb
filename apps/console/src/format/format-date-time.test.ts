import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time.js';

describe('formatDateTime', () => {
  it('shows a dash for a missing instant and the input for an unparsable one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('formats in the reader locale, with seconds only when asked', () => {
    const iso = '2026-03-12T14:05:09Z';
    const date = new Date(iso);
    expect(formatDateTime(iso)).toBe(date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    expect(formatDateTime(iso, 'seconds')).toBe(date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }));
  });
});
