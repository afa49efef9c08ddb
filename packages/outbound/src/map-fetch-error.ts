import { SwitchboardError } from '@switchboard/core';
import { destinationBlockedError } from './destination-blocked-error.js';
import { mapNetworkError } from './map-network-error.js';

/**
 * Translates what undici's `fetch` (or a response body read) rejected with into the error the
 * outbound port promises. Never puts the URL, headers or body into a message: the original
 * error, which may contain them, travels only as `cause`.
 *
 * - SwitchboardErrors pass: the exchange aborts with already-mapped errors (timeouts, size cap,
 *   network failures, SSRF refusals), and fetch rejects with the abort reason itself.
 * - The caller's own abort reason passes unchanged: the caller asked for it.
 * - `TypeError('fetch failed' | 'terminated')` wraps a network failure in `cause`; the fetch
 *   standard's "bad port" block (raised before dispatch) becomes `destination_blocked`.
 * - Anything else was thrown while building the request (an invalid header value, method or
 *   body); undici's message for those can echo the offending value, so it is replaced.
 */
export function mapFetchError(error: unknown, host: string, callerSignal: AbortSignal | undefined): unknown {
  if (error instanceof SwitchboardError) return error;
  if (callerSignal?.aborted === true && error === callerSignal.reason) return error;

  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) {
    const cause = error.cause;
    if (cause instanceof Error && cause.message === 'bad port') {
      return destinationBlockedError(host, 'the port is blocked by the fetch standard ("bad port")');
    }
    return mapNetworkError(cause ?? error, host);
  }

  return new SwitchboardError('internal_error', `The outbound request to "${host}" could not be built (invalid method, header or body).`, {
    cause: error,
    details: { host },
  });
}
