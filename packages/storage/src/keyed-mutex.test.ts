import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from './keyed-mutex.js';

describe('createKeyedMutex', () => {
  it('runs holders of one key one at a time, in arrival order', async () => {
    const mutex = createKeyedMutex();
    const events: string[] = [];
    await Promise.all(
      [0, 1, 2].map((i) =>
        mutex.runExclusive('k', async () => {
          events.push(`start ${i}`);
          await sleep(3);
          events.push(`end ${i}`);
        }),
      ),
    );
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs different keys in parallel', async () => {
    const mutex = createKeyedMutex();
    let releaseA: () => void = () => {};
    const a = mutex.runExclusive('a', () => new Promise<void>((resolve) => (releaseA = resolve)));
    await expect(mutex.runExclusive('b', async () => 'b ran')).resolves.toBe('b ran');
    releaseA();
    await a;
  });

  it('releases the key when a holder throws', async () => {
    const mutex = createKeyedMutex();
    await expect(mutex.runExclusive('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.runExclusive('k', async () => 'next')).resolves.toBe('next');
  });
});
