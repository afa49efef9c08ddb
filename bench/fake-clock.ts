import type { Clock } from '@switchboard/core';

/** A clock the bench moves by hand, so the refresh storm can put a token past its expiry at once. */
export interface FakeClock extends Clock {
  advance(seconds: number): void;
}

/**
 * Starts at `start` and stands still until advanced. The bench keeps its own copy (ten lines)
 * rather than reaching into `apps/server/src/testing/`, which is not part of any package's
 * exports and belongs to the server's test suite.
 */
export function fakeClock(start = new Date()): FakeClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds) {
      now += seconds * 1000;
    },
  };
}
