import { errorCodes, isSwitchboardError, type ErrorCode } from '@switchboard/core';
import { problemStatus } from './problem-status.js';

// Generated from the code (`not_found` → `Not found`) except where an acronym needs its capitals.
const titles: Partial<Record<ErrorCode, string>> = { csrf_rejected: 'CSRF rejected' };
const titleOf = (code: ErrorCode) => (titles[code] ??= code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));

/**
 * Render an error as RFC 9457 problem details. `type` points at the error registry in the served
 * OpenAPI document; `code` is the stable machine-readable key. Unknown errors become a bare
 * `internal_error` with a correlation id: their messages may hold anything, so they never leave.
 */
export function problemResponse(error: unknown, instance: string, correlationId: string, statusOverride?: number): Response {
  const body: Record<string, unknown> = isSwitchboardError(error)
    ? {
        // Details first: a detail named like a standard member (`status`, `code`) must never
        // replace it — the HTTP status is read from `status` below.
        ...error.details,
        type: `about:blank#${error.code}`,
        title: titleOf(error.code),
        status: statusOverride ?? problemStatus[error.code],
        detail: error.message,
        instance,
        code: error.code,
      }
    : {
        type: 'about:blank#internal_error',
        title: titleOf('internal_error'),
        status: 500,
        detail: `${errorCodes.internal_error} Correlation id: ${correlationId}.`,
        instance,
        code: 'internal_error',
        correlationId,
      };
  return new Response(JSON.stringify(body), {
    status: body['status'] as number,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}
