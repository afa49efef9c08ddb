/** Lets at most `permits` functions run at once; the rest wait in arrival order. */
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export function createSemaphore(permits: number): Semaphore {
  if (!Number.isInteger(permits) || permits < 1) throw new RangeError('a semaphore needs at least one permit');
  let available = permits;
  const waiters: Array<() => void> = [];
  const acquire = async (): Promise<void> => {
    if (available > 0) {
      available -= 1;
      return;
    }
    // The releaser hands its permit straight to the waiter, so `available` stays untouched.
    await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const release = (): void => {
    const next = waiters.shift();
    if (next === undefined) available += 1;
    else next();
  };
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
