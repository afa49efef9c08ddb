/**
 * Collapse concurrent calls with the same key into one promise: the in-process half of "refresh
 * exactly once" (the database lock is the cross-instance half).
 */
export function createSingleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return (key: string, work: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = work().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };
}
