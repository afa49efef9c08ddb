import type { ApiError } from '../api/api-error.js';
import { Button } from './button.js';

/**
 * An `ApiError` shown to people: its title and detail, and its code for support. `role="alert"`
 * so it is announced when it appears after an action.
 */
export function ErrorState({ error, onRetry, compact = false }: { error: ApiError; onRetry?: () => void; compact?: boolean }) {
  return (
    <div className={compact ? 'error-state error-state-compact' : 'error-state'} role="alert" tabIndex={-1}>
      <p className="error-state-title">{error.title}</p>
      {error.detail !== error.title && <p className="error-state-detail">{error.detail}</p>}
      <p className="error-state-code">
        Code: <code>{error.code}</code>
        {error.status > 0 && <> · HTTP {error.status}</>}
      </p>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
