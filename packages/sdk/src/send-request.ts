import { isProblem } from './problem.js';
import { SwitchboardError } from './switchboard-error.js';

/** One call of the Switchboard HTTP API. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path under the base URL, already encoded, e.g. `/v1/orgs/acme-customer/connections/acme`. */
  readonly path: string;
  /** Sent as JSON (`Content-Type: application/json`). */
  readonly json?: unknown;
  /** Sent as multipart/form-data; the browser writes the boundary into `Content-Type`. */
  readonly form?: FormData;
}

/** Sends one API request and resolves with the parsed JSON answer (undefined for an empty one). */
export type SendRequest = (request: ApiRequest) => Promise<unknown>;

/** What {@link createRequestSender} needs. */
export interface RequestSenderConfig {
  /** Switchboard's base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly sessionToken: string;
  /** Called as a plain function (never as a method), so `window.fetch` works unbound. */
  readonly fetch: typeof fetch;
}

/**
 * The SDK's only way to the network. The session token travels in the `Authorization` header
 * only (never in a URL, where it would land in logs and history); cookies are never sent
 * (`credentials: 'omit'`: a session token is the whole credential, and Switchboard's console
 * cookie must not ride along); answers are never cached and redirects are refused, since no
 * Switchboard API route redirects. A problem answer rejects with its {@link SwitchboardError}.
 */
export function createRequestSender(config: RequestSenderConfig): SendRequest {
  const send = config.fetch;
  return async (request) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${config.sessionToken}`,
      accept: 'application/json, application/problem+json',
    };
    let body: BodyInit | undefined;
    if (request.form !== undefined) body = request.form;
    else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      try {
        body = JSON.stringify(request.json);
      } catch (error) {
        // A BigInt or a cycle among the caller's variables: their mistake, not the network's.
        throw new SwitchboardError('invalid_argument', 'The request cannot be sent as JSON (a BigInt or a circular value?).', { cause: error });
      }
    }
    let response: Response;
    let text: string;
    try {
      response = await send(`${config.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      throw new SwitchboardError('network_error', `Could not reach Switchboard at ${config.baseUrl} (${request.method} ${request.path}).`, { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
      if (response.ok) throw new SwitchboardError('invalid_response', `Switchboard answered ${response.status} with a body that is not JSON.`, { status: response.status });
    }
    if (!response.ok) {
      if (isProblem(parsed)) throw SwitchboardError.fromProblem(parsed, response.status);
      throw new SwitchboardError('invalid_response', `Switchboard answered ${response.status} without a problem description.`, { status: response.status });
    }
    return parsed;
  };
}
