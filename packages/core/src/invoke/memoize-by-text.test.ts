import { describe, expect, it } from 'vitest';
import { memoizeByText } from './memoize-by-text.js';

describe('memoizeByText', () => {
  it('computes once per text and hands out the same frozen result', () => {
    let calls = 0;
    const split = memoizeByText((text: string) => {
      calls += 1;
      return { parts: text.split('/').map((part) => ({ part })) };
    }, { maxEntries: 10, maxTextLength: 100 });
    const first = split('a/b');
    expect(split('a/b')).toBe(first);
    expect(calls).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.parts[0])).toBe(true);
    expect(() => (first.parts as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(split('a/c')).toEqual({ parts: [{ part: 'a' }, { part: 'c' }] });
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries, dropping the oldest, and never keeps long texts', () => {
    let calls = 0;
    const length = memoizeByText((text: string) => {
      calls += 1;
      return [text.length];
    }, { maxEntries: 2, maxTextLength: 3 });
    length('a');
    length('b');
    length('c'); // evicts 'a'
    expect(calls).toBe(3);
    length('b');
    length('c');
    expect(calls).toBe(3);
    length('a');
    expect(calls).toBe(4);
    length('long');
    length('long');
    expect(calls).toBe(6);
  });
});
