import { isIPv4, isIPv6 } from 'node:net';
import type { Clock } from '@switchboard/core';

/**
 * What failures are counted against: an IPv4 address (IPv4-mapped IPv6 too), or the /64 of an
 * IPv6 address. One host or customer is routinely handed a whole /64 (RFC 6177, RFC 7934), so
 * counting per IPv6 address would give an attacker 2^64 fresh budgets and let it push every
 * other address out of the bounded map.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const bare = address.replace(/%.*$/, ''); // a zone id (`fe80::1%eth0`) names the interface, not the host
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (`64:ff9b::192.0.2.1`) is two groups; it lies past the /64 anyway.
  const groupCount = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - groupCount(left) - groupCount(right)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':')}::/64`;
}

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
