import { SwitchboardError } from '../switchboard-error.js';

/** A position in an org's event list, newest first: (at, id) of the last event a page returned. */
export interface EventCursor {
  readonly at: Date;
  readonly id: string;
}

const maxIdLength = 100;

/** Opaque to clients (base64url of JSON), so its shape can change without breaking them. */
export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.getTime(), cursor.id]), 'utf8').toString('base64url');
}

/** The cursor, or a `validation_failed` naming `query.cursor` for anything this server did not issue. */
export function decodeEventCursor(text: string): EventCursor {
  const invalid = () =>
    new SwitchboardError('validation_failed', 'The request query is invalid.', {
      details: { errors: [{ path: 'query.cursor', message: 'not a cursor returned as nextCursor' }] },
    });
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [ms, id] = parsed as [unknown, unknown];
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || typeof id !== 'string' || id.length === 0 || id.length > maxIdLength) throw invalid();
  const at = new Date(ms);
  if (Number.isNaN(at.getTime())) throw invalid();
  return { at, id };
}
