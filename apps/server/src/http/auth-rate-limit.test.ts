import { manualClock } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { createAuthFailureLimiter } from './auth-rate-limit.js';

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
