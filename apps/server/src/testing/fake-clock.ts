import type { Clock } from '@switchboard/core';

/** A clock tests move by hand (e.g. past a token's expiry) instead of sleeping. */
export function fakeClock(start = new Date()): Clock & { advance(seconds: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}
