/** Runs functions one at a time per key, in arrival order; different keys run in parallel. */
export interface KeyedMutex {
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * An in-process mutex per key. Each key maps to the tail of a promise chain; the entry is removed
 * when its last holder finishes, so idle keys cost nothing.
 */
export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  return {
    async runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let release: () => void = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
