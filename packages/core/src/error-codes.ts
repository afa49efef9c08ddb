/**
 * The registry of every machine-readable error code Switchboard produces.
 *
 * Each code is stable API: clients branch on it. The HTTP layer maps each code to a status
 * (apps/server/src/http/problem-status.ts) and a test fails if a code lacks a description or status.
 */
export const errorCodes = {
  validation_failed: 'The request did not match the schema; `errors` lists each failing field.',
  unauthenticated: 'No valid credential was presented.',
  forbidden: 'The credential is valid but may not use this resource.',
  not_found: 'The resource does not exist.',
  conflict: 'The request conflicts with the current state (duplicate name, live connections).',
  credentials_not_set: 'The connector has no client credentials yet.',
  not_authorized: 'The org has not authorized this connector.',
  needs_reauthorization: 'The connection exists but must be authorized again (refresh token rejected, scopes changed).',
  missing_variables: 'The API template names variables the request did not supply; `variables` lists them.',
  invalid_variable: 'A variable value cannot be placed where the template puts it (CR/LF in a header, a path that escapes, an origin change).',
  invalid_state: 'The OAuth callback carried an unknown, expired or already used `state`.',
  issuer_mismatch: 'The authorization response names another issuer than the connector expects (RFC 9207 mix-up defence).',
  authorization_denied: 'The user or the provider refused the authorization request.',
  token_exchange_failed: 'The provider did not return a usable token.',
  upstream_unreachable: 'The upstream service could not be reached or answered with an error.',
  upstream_timeout: 'The upstream service did not answer in time.',
  upstream_unavailable: 'The upstream service is temporarily unavailable (rate limited or 5xx during token refresh).',
  upstream_response_too_large: 'The upstream response exceeded the size cap.',
  destination_blocked: 'The outbound request was refused by the SSRF guard.',
  payload_too_large: 'The request body exceeded the size cap.',
  unsupported_media_type: 'The request body has a content type this route does not accept.',
  rate_limited: 'Too many requests (or too many failed authentications from this address); retry after `Retry-After` seconds.',
  connector_not_installed: "The connector is not part of any solution release installed in this org.",
  not_publishable: 'The connector cannot be published yet; `reason` says why (no APIs, no client credentials).',
  invalid_logo: 'The logo is not a PNG, JPEG or safe SVG by its content, or is larger than 256 KB.',
  version_not_increasing: 'A release version must be greater (semver) than every earlier release of the solution.',
  downgrade_refused: 'An installation can only move to a newer release; uninstall and install to go back.',
  in_use: 'The resource is used elsewhere (a connector in a solution or release, a solution installed in an org).',
  origin_not_allowed: 'The session token was presented from an origin it does not list.',
  csrf_rejected:
    'A console (cookie-authenticated) request with an unsafe method lacked the `X-Switchboard-CSRF: 1` header, or its `Origin` is not Switchboard’s own; send it from the console, or use `Authorization: Bearer`.',
  function_error: 'The function threw or failed to compile; `message` and `stack` (user-code frames with line:column) say where.',
  function_timeout: 'The function ran past its wall-clock limit and was stopped.',
  function_memory_exceeded: 'The function exceeded its memory limit and was stopped.',
  function_limit_exceeded: 'The function exceeded a run limit (connector calls, or the size of its logs and result).',
  internal_error: 'An unexpected error. Nothing secret is included; the server log has a correlation id.',
} as const;

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof errorCodes;

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(errorCodes, value);
