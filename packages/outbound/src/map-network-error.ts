import { SwitchboardError } from '@switchboard/core';

// Error codes (undici's and Node's) that mean "the upstream was too slow" rather than "unreachable".
const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * Maps the error undici reports for a failed exchange (connection refused or reset, DNS
 * failure, connect timeout, socket closed mid-body) to `upstream_timeout` or
 * `upstream_unreachable`. SwitchboardErrors — SSRF refusals from the connector — pass
 * unchanged. The message names the host only; the original error travels as `cause`.
 */
export function mapNetworkError(error: unknown, host: string): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  const code = errorCode(error);
  if (code !== undefined && timeoutCodes.has(code)) {
    return new SwitchboardError('upstream_timeout', `Upstream host "${host}" did not answer in time.`, {
      cause: error,
      details: { host, reason: code },
    });
  }
  return new SwitchboardError('upstream_unreachable', `Upstream host "${host}" could not be reached or closed the connection.`, {
    cause: error,
    details: { host, reason: code ?? (error instanceof Error ? error.name : 'unknown') },
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
