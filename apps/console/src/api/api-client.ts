import { csrfHeaderName, type EndpointSpec } from '@switchboard/contracts';
import { ApiError, localError, problemToApiError } from './api-error.js';
import type { CallArgs, CallResult } from './endpoint-types.js';

/** A request outside the endpoint table (the console session routes). */
export interface RawRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly signal?: AbortSignal;
  /** Do not report a 401 to `onUnauthorized` (sign-in itself, the session probe). */
  readonly expectUnauthorized?: boolean;
}

/** The typed client pages use. See README.md § "API client". */
export interface ApiClient {
  /** Call an endpoint of `@switchboard/contracts`; types of params, query, body and result follow from it. */
  call<E extends EndpointSpec>(endpoint: E, ...args: CallArgs<E>): Promise<CallResult<E>>;
  /** Lower level: any path under the server's origin; resolves to the parsed JSON (or undefined). */
  request<T = unknown>(request: RawRequest): Promise<T>;
  /** Be told of every 401 (the session provider signs the user out); returns the unsubscribe. */
  onUnauthorized(listener: () => void): () => void;
}

export interface ApiClientOptions {
  /** Injectable for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Methods that change state: the server requires the CSRF header on these when a cookie authenticates. */
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `/v1/connectors/{connector}` + `{connector: 'acme'}` → `/v1/connectors/acme` (each value URL-encoded). */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

function withQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * The console's HTTP client: same-origin cookie session, the CSRF header on unsafe methods,
 * JSON or FormData bodies, and RFC 9457 problems turned into `ApiError`s. Responses are typed
 * from the contracts but not re-validated: the server already sends them through allow-list
 * schemas, and a stricter client would break pages on an additive server change.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const unauthorizedListeners = new Set<() => void>();

  async function request<T>(req: RawRequest): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (unsafeMethods.has(req.method)) headers[csrfHeaderName] = '1';
    let body: BodyInit | undefined;
    if (req.body instanceof FormData) {
      body = req.body; // the browser sets multipart/form-data with its boundary
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    let response: Response;
    try {
      response = await doFetch(withQuery(req.path, req.query), {
        method: req.method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body }),
        ...(req.signal === undefined ? {} : { signal: req.signal }),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw localError('network_error', 'Cannot reach the Switchboard server', 'Check that the server is running and your network is up, then try again.');
    }
    const contentType = response.headers.get('content-type') ?? '';
    const isJson = /\bjson\b/i.test(contentType);
    if (!response.ok) {
      const problem: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
      const error = problemToApiError(response.status, problem);
      if (response.status === 401 && !req.expectUnauthorized) for (const listener of unauthorizedListeners) listener();
      throw error;
    }
    if (response.status === 204 || !isJson) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    request,
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
    call(endpoint, ...args) {
      const [opts] = args as [{ params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal }?];
      return request({
        method: endpoint.method.toUpperCase() as RawRequest['method'],
        path: fillPath(endpoint.path, opts?.params),
        ...(opts?.query === undefined ? {} : { query: opts.query as RawRequest['query'] }),
        ...(opts?.body === undefined ? {} : { body: opts.body }),
        ...(opts?.signal === undefined ? {} : { signal: opts.signal }),
      });
    },
  };
}

export { ApiError };
