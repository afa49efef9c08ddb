import type { Problem } from './problem.js';

/**
 * Codes the SDK raises itself, for failures that never reached (or never came back from) the
 * server. Every other code is the server's problem `code` (see the OpenAPI document's
 * `x-error-codes`), e.g. `not_authorized`, `origin_not_allowed`, `forbidden`, `unauthenticated`.
 *
 * - `network_error`: the request did not complete (offline, DNS, refused connection, or a CORS
 *   refusal: a browser hides a cross-origin answer that carries no `Access-Control-Allow-Origin`,
 *   which is how Switchboard answers an origin the session does not list).
 * - `invalid_response`: an answer that is not the JSON the route documents.
 * - `invalid_argument`: the SDK was called with something it cannot send (a bad `baseUrl`, an
 *   invoke target without a `.`, a `Blob` as a variable value).
 * - `popup_blocked`: `window.open` returned no window (call `authorize` inside a click handler).
 * - `popup_closed`: the person closed the consent window before the flow finished.
 * - `authorization_timeout`: no answer from the consent window within `popupTimeoutMs`.
 * - `authorization_failed`: the callback page reported a failure without a code.
 */
export type SdkErrorCode =
  | 'network_error'
  | 'invalid_response'
  | 'invalid_argument'
  | 'popup_blocked'
  | 'popup_closed'
  | 'authorization_timeout'
  | 'authorization_failed';

/** A code of {@link SdkErrorCode} or a server problem code (any string, kept open for new codes). */
export type SwitchboardErrorCode = SdkErrorCode | (string & {});

/** What a {@link SwitchboardError} is built from besides its code and message. */
export interface SwitchboardErrorOptions {
  /** The HTTP status of the answer; 0 when there was none. */
  readonly status?: number;
  /** The problem the server answered with, when there was one. */
  readonly problem?: Problem;
  /** The underlying error (e.g. the `TypeError` of a failed `fetch`). */
  readonly cause?: unknown;
}

/**
 * The one error type every SDK call rejects with. Branch on `code`, a stable string; `message`
 * and `detail` are for people.
 *
 * @example
 * ```js
 * try { await sb.invokeAPI('acme.listcontacts'); }
 * catch (error) {
 *   if (error instanceof Switchboard.SwitchboardError && error.code === 'not_authorized') showConnectButton();
 * }
 * ```
 */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';
  /** The server's problem `code`, or one of {@link SdkErrorCode}. */
  readonly code: SwitchboardErrorCode;
  /** The HTTP status of the answer; 0 when no answer was read. */
  readonly status: number;
  /** The problem's `detail`, when the server gave one. */
  readonly detail: string | undefined;
  /** The whole problem object the server answered with, when there was one. */
  readonly problem: Problem | undefined;

  constructor(code: SwitchboardErrorCode, message: string, options: SwitchboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? options.problem?.status ?? 0;
    this.detail = options.problem?.detail;
    this.problem = options.problem;
  }

  /** The error for a problem answer: its code, its detail (or title) as the message. */
  static fromProblem(problem: Problem, status: number = problem.status): SwitchboardError {
    return new SwitchboardError(problem.code, problem.detail ?? problem.title, { status, problem });
  }
}
