import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../switchboard-error.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';

const invalidCursor = (text: string) => {
  try {
    decodeEventCursor(text);
  } catch (error) {
    expect(isSwitchboardError(error) && error.code).toBe('validation_failed');
    expect(isSwitchboardError(error) && error.details.errors?.[0]?.path).toBe('query.cursor');
    return true;
  }
  return false;
};

describe('event cursor', () => {
  it('round-trips (at, id) through an opaque base64url string', () => {
    const cursor = { at: new Date('2025-01-02T03:04:05.678Z'), id: 'c2a3d0a4-3f57-4a63-9a8e-0d0c6c3b9f10' };
    const text = encodeEventCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeEventCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64url', '!!!'],
    ['base64 of garbage', Buffer.from('hello').toString('base64url')],
    ['wrong shape', Buffer.from(JSON.stringify({ at: 1, id: 'x' })).toString('base64url')],
    ['time not a number', Buffer.from(JSON.stringify(['1', 'x'])).toString('base64url')],
    ['fractional time', Buffer.from(JSON.stringify([1.5, 'x'])).toString('base64url')],
    ['time out of range', Buffer.from(JSON.stringify([9e15, 'x'])).toString('base64url')],
    ['empty id', Buffer.from(JSON.stringify([1, ''])).toString('base64url')],
    ['overlong id', Buffer.from(JSON.stringify([1, 'x'.repeat(101)])).toString('base64url')],
    ['overlong text', 'a'.repeat(401)],
  ])('%s → validation_failed on query.cursor', (_name, text) => {
    expect(invalidCursor(text)).toBe(true);
  });
});
