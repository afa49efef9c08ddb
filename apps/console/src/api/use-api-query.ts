import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { toApiError, type ApiError } from './api-error.js';

export interface ApiQuery<T> {
  /** The last loaded value (kept while reloading, so the page does not flash). */
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  /** True while a load is in flight (the first one or a reload). */
  readonly loading: boolean;
  /** Load again (after a mutation, or from a "Try again" button). */
  readonly reload: () => void;
  /** Replace the data locally (e.g. a connection's status after authorize) without a request. */
  readonly setData: (update: T | ((current: T | undefined) => T)) => void;
}

/**
 * Run `fn` when `deps` change, with an AbortSignal that fires when they change again or the
 * component unmounts (so a stale answer never overwrites a newer one).
 *
 * ```ts
 * const connector = useApiQuery((signal) => api.call(endpoints.getConnector, { params: { connector: name }, signal }), [name]);
 * ```
 */
export function useApiQuery<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiQuery<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // The latest fn, so the effect depends on the caller's deps only.
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    fnRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(() => value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(reason));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback((update: T | ((current: T | undefined) => T)) => {
    setDataState((current) => (typeof update === 'function' ? (update as (c: T | undefined) => T)(current) : update));
  }, []);
  return { data, error, loading, reload, setData };
}
