import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.js';
import { ErrorState } from './error-state.js';
import { Loading } from './loading.js';
import { PageHeader } from './page-header.js';

export interface PageFallbackProps {
  /** The load's failure; absent while it is still loading. */
  readonly error: ApiError | undefined;
  readonly onRetry: () => void;
  /** The page's h1 when the record could not be loaded (its own name is unknown then), e.g. "Solution". */
  readonly title: string;
  /** The way back, e.g. a link to the list. */
  readonly eyebrow: ReactNode;
  readonly loadingLabel: string;
}

/**
 * What a record's page shows until the record is there: the failure under a header (so people
 * still know where they are and how to go back), else the loading status.
 */
export function PageFallback({ error, onRetry, title, eyebrow, loadingLabel }: PageFallbackProps) {
  if (!error) return <Loading label={loadingLabel} />;
  return (
    <>
      <PageHeader title={title} eyebrow={eyebrow} />
      <ErrorState error={error} onRetry={onRetry} />
    </>
  );
}
