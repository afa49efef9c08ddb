import { describe, expect, it } from 'vitest';
import { boundLogs } from './bound-logs.js';
import type { FunctionLog } from './function-runtime.js';

const log = (message: string, at = 0): FunctionLog => ({ level: 'log', message, at });

describe('boundLogs', () => {
  it('keeps every entry that fits, in order', () => {
    const logs = [log('a'), log('b', 1)];
    expect(boundLogs(logs, 1000)).toEqual({ logs, truncated: false });
    expect(boundLogs([], 10)).toEqual({ logs: [], truncated: false });
  });

  it('keeps the leading entries whose JSON fits and says it left the rest out', () => {
    const logs = Array.from({ length: 100 }, (_, i) => log('x'.repeat(100), i));
    const bounded = boundLogs(logs, 1000);
    expect(bounded.truncated).toBe(true);
    expect(bounded.logs.length).toBeGreaterThan(0);
    expect(bounded.logs).toEqual(logs.slice(0, bounded.logs.length));
    expect(Buffer.byteLength(JSON.stringify(bounded.logs))).toBeLessThanOrEqual(1000);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const bounded = boundLogs([log('é'.repeat(400)), log('ok')], 850);
    expect(bounded.logs).toHaveLength(1);
    expect(bounded.truncated).toBe(true);
  });
});
