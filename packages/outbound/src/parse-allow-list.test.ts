import { describe, expect, it } from 'vitest';
import { parseAllowList } from './parse-allow-list.js';

describe('parseAllowList', () => {
  it('splits, trims, lower-cases and drops empty entries', () => {
    expect(parseAllowList(' 127.0.0.1, ::1 ,LocalHost,10.0.0.0/8,, ')).toEqual(['127.0.0.1', '::1', 'localhost', '10.0.0.0/8']);
  });

  it('returns an empty list for an empty value', () => {
    expect(parseAllowList('')).toEqual([]);
    expect(parseAllowList(' , ')).toEqual([]);
  });

  it('returns a frozen list', () => {
    expect(Object.isFrozen(parseAllowList('localhost'))).toBe(true);
  });

  it('names the variable and the bad entry', () => {
    expect(() => parseAllowList('localhost, 10.0.0.0/33')).toThrow(
      'SWITCHBOARD_ALLOW_PRIVATE_NETWORK: Invalid allow-list entry "10.0.0.0/33": the prefix length must be a whole number from 0 to 32',
    );
    expect(() => parseAllowList('192.168.0.0/16,10.0.0/8')).toThrow('"10.0.0/8"');
  });
});
