import type { ErrorCode } from './error-codes.js';

/** Structured, non-secret details that travel with an error into the problem response. */
export interface ErrorDetails {
  /** Failing fields for `validation_failed`. */
  readonly errors?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  /** Missing variable names for `missing_variables`. */
  readonly variables?: readonly string[];
  /** Any other small, non-secret facts (ids, names, reasons). */
  readonly [key: string]: unknown;
}

/**
 * The one error type of Switchboard. `message` must never contain a secret: it is shown to
 * clients. Put the underlying error (which might) in `cause`; it is logged only by type/code.
 */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export const isSwitchboardError = (error: unknown): error is SwitchboardError => error instanceof SwitchboardError;
