import { describe, expect, it } from 'vitest';
import { jobBackoffMs } from './backoff.js';

describe('jobBackoffMs', () => {
  it('doubles the ceiling with each failure from the base, up to the cap', () => {
    const top = { random: () => 1 };
    expect([1, 2, 3, 4].map((n) => jobBackoffMs(n, top))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(jobBackoffMs(9, top)).toBe(256_000);
    expect(jobBackoffMs(10, top)).toBe(300_000);
    expect(jobBackoffMs(5_000, top)).toBe(300_000);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(jobBackoffMs(3, { random: () => 0 })).toBe(0);
    expect(jobBackoffMs(3, { random: () => 0.5 })).toBe(2_000);
    expect(jobBackoffMs(2, { baseMs: 10, capMs: 15, random: () => 0.5 })).toBe(7);
    for (let i = 0; i < 100; i += 1) {
      const delay = jobBackoffMs(4);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(8_000);
    }
  });

  it('refuses an attempt count that is not a positive integer', () => {
    expect(() => jobBackoffMs(0)).toThrow(RangeError);
    expect(() => jobBackoffMs(1.5)).toThrow(RangeError);
  });
});
