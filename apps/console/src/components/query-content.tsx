import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.js';
import { ErrorState } from './error-state.js';
import { Loading } from './loading.js';

export interface QueryContentProps<T> {
  /** The load's failure and how to try again (an `ApiQuery` fits). */
  readonly query: { readonly error: ApiError | undefined; readonly reload: () => void };
  /** What was loaded (the query's data, or the list inside it); undefined until it is there. */
  readonly data: T | undefined;
  /** What is loading, e.g. "Loading releases…" (default "Loading…"). */
  readonly loadingLabel?: string;
  /** Shown instead of `children` when `data` is an empty list. */
  readonly empty?: ReactNode;
  /** The error without its large frame (inside a dialog or a small card). */
  readonly compact?: boolean;
  readonly children: (data: T) => ReactNode;
}

/** A loaded part of a page in its states: the error (with Try again), loading, empty, or the data. */
export function QueryContent<T>({ query, data, loadingLabel, empty, compact = false, children }: QueryContentProps<T>) {
  if (query.error) return <ErrorState error={query.error} onRetry={query.reload} compact={compact} />;
  if (data === undefined) return <Loading label={loadingLabel} />;
  if (empty !== undefined && Array.isArray(data) && data.length === 0) return <>{empty}</>;
  return <>{children(data)}</>;
}
