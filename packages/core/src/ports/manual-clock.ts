import type { Clock } from './clock.js';

/** A clock that stands still until moved, for tests and benchmarks that need a token past its expiry now. */
export interface ManualClock extends Clock {
  advance(seconds: number): void;
}

export function manualClock(start = new Date()): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds) {
      now += seconds * 1000;
    },
  };
}
