import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore.js';

describe('createSemaphore', () => {
  it('never runs more than its permits at once, and runs everyone', async () => {
    const semaphore = createSemaphore(3);
    let active = 0;
    let maxActive = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        semaphore.run(async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await sleep(2);
          active -= 1;
          return i;
        }),
      ),
    );
    expect(maxActive).toBe(3);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives the permit back when a function throws', async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses zero permits', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });
});
