import { manualClock } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { createAuthFailureLimiter, rateLimitKey } from './auth-rate-limit.js';

describe('failed-authentication limiter', () => {
  it('refuses after `limit` failures in the window, until the failure that filled it leaves', () => {
    const clock = manualClock(new Date('2030-01-01T00:00:00Z'));
    const limiter = createAuthFailureLimiter({ limit: 3, clock });
    limiter.recordFailure('10.0.0.1');
    clock.advance(10);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    clock.advance(10);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(40); // the first failure leaves at 60 s
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0); // per address
    clock.advance(40);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0); // sliding: two remain in the window
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(10);
  });

  it('remembers a bounded number of addresses', () => {
    const clock = manualClock();
    const limiter = createAuthFailureLimiter({ limit: 1, clock, maxAddresses: 2 });
    for (const address of ['a', 'b', 'c']) limiter.recordFailure(address);
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    expect(limiter.retryAfterSeconds('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('c')).toBeGreaterThan(0);
  });
});

describe('rate-limit key of a client address', () => {
  it('IPv4 (also IPv4-mapped IPv6) by address; IPv6 by its /64, which one host or customer typically holds whole', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    const a = rateLimitKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(rateLimitKey('2001:db8:1:2::1')).toBe(a);
    expect(rateLimitKey('2001:0db8:0001:0002:0:0:0:ffff')).toBe(a);
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(a);
    expect(rateLimitKey('::1')).toBe(rateLimitKey('0:0:0:0::2'));
    expect(rateLimitKey('fe80::1%eth0')).toBe(rateLimitKey('fe80::2'));
    expect(rateLimitKey('unknown')).toBe('unknown');
  });

  it('so a spray of addresses from one /64 shares one budget', () => {
    const clock = manualClock();
    const limiter = createAuthFailureLimiter({ limit: 3, clock });
    for (let i = 1; i <= 3; i += 1) limiter.recordFailure(rateLimitKey(`2001:db8:1:2::${i.toString(16)}`));
    expect(limiter.retryAfterSeconds(rateLimitKey('2001:db8:1:2::ffff'))).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds(rateLimitKey('2001:db8:1:9::1'))).toBe(0);
  });
});
