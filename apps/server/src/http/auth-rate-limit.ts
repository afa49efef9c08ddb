import type { Clock } from '@switchboard/core';

/** Failed authentications per client address in a sliding window. */
export interface AuthFailureLimiter {
  /** Whole seconds until the address may try again; 0 when it may now. */
  retryAfterSeconds(address: string): number;
  recordFailure(address: string): void;
}

export interface AuthFailureLimiterOptions {
  /** Failures allowed in one window; the next attempt is refused until the oldest leaves it. */
  readonly limit: number;
  readonly windowMs?: number;
  readonly clock: Clock;
  /** Bound on remembered addresses, so a spray of addresses cannot grow memory without end. */
  readonly maxAddresses?: number;
}

/**
 * A sliding-window counter of failures per address, in memory (per instance: with several
 * instances an attacker gets `limit` tries per instance per window, still far too few to guess
 * a 256-bit secret; the limit exists to blunt admin-key guessing and to throttle noise).
 */
export function createAuthFailureLimiter(options: AuthFailureLimiterOptions): AuthFailureLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const failures = new Map<string, number[]>();

  const recent = (address: string, now: number): number[] => {
    const times = failures.get(address);
    if (!times) return [];
    while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
    if (times.length === 0) failures.delete(address);
    return times;
  };

  return {
    retryAfterSeconds(address) {
      const now = options.clock.now().getTime();
      const times = recent(address, now);
      if (times.length < options.limit) return 0;
      // The attempt is allowed again once the failure that filled the window leaves it.
      const freedAt = times[times.length - options.limit]! + windowMs;
      return Math.max(1, Math.ceil((freedAt - now) / 1000));
    },
    recordFailure(address) {
      const now = options.clock.now().getTime();
      const times = recent(address, now);
      times.push(now);
      if (times.length > options.limit) times.splice(0, times.length - options.limit);
      failures.delete(address);
      failures.set(address, times); // re-insert: Map order is then least recently failed first
      while (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
  };
}
