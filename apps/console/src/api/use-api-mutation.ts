import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api-error.js';

/** What `run` resolves to: never rejects, so a click handler needs no try/catch. */
export type MutationResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError };

export interface ApiMutation<A extends unknown[], T> {
  readonly run: (...args: A) => Promise<MutationResult<T>>;
  /** True while a run is in flight (disable the button: `<Button loading={m.pending}>`). */
  readonly pending: boolean;
  /** The last run's error (cleared when a run starts, or by `reset`). */
  readonly error: ApiError | undefined;
  readonly reset: () => void;
}

/**
 * A state-changing call with pending and error state.
 *
 * ```ts
 * const save = useApiMutation((body: UpdateConnectorInput) => api.call(endpoints.updateConnector, { params: { connector }, body }));
 * const result = await save.run(body);
 * if (result.ok) navigate(`/connectors/${result.data.apiName}`);
 * ```
 */
export function useApiMutation<A extends unknown[], T>(fn: (...args: A) => Promise<T>): ApiMutation<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  const run = useCallback(async (...args: A): Promise<MutationResult<T>> => {
    setPending(true);
    setError(undefined);
    try {
      const data = await fnRef.current(...args);
      return { ok: true, data };
    } catch (reason) {
      const apiError = toApiError(reason);
      setError(apiError);
      return { ok: false, error: apiError };
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { run, pending, error, reset };
}
