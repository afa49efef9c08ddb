import type { ErrorCode } from '@switchboard/core';

/** The HTTP status of every error code; the only place codes meet statuses. */
export const problemStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  credentials_not_set: 409,
  not_authorized: 409,
  needs_reauthorization: 409,
  missing_variables: 400,
  invalid_variable: 400,
  invalid_state: 400,
  issuer_mismatch: 400,
  authorization_denied: 400,
  token_exchange_failed: 502,
  upstream_unreachable: 502,
  upstream_timeout: 504,
  upstream_unavailable: 503,
  upstream_response_too_large: 502,
  destination_blocked: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
};
