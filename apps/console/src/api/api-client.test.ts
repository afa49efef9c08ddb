import { endpoints } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

/** A fetch that records requests and answers from a queue (the server's side of the wire). */
function stubFetch(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {} });
    const answer = answers.shift();
    if (!answer) throw new TypeError('Failed to fetch');
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const headersOf = (sent: Sent) => new Headers(sent.init.headers);

describe('createApiClient', () => {
  it('fills and encodes path params, sends same-origin credentials and no CSRF header on GET', async () => {
    const { fetch, sent } = stubFetch(json(200, { name: 'Acme' }));
    const api = createApiClient({ fetch });
    const connector = await api.call(endpoints.getConnector, { params: { connector: 'a b/c' } });
    expect(connector.name).toBe('Acme');
    expect(sent[0]!.url).toBe('/v1/connectors/a%20b%2Fc');
    expect(sent[0]!.init.method).toBe('GET');
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(headersOf(sent[0]!).has('x-switchboard-csrf')).toBe(false);
  });

  it('sends JSON with the CSRF header on unsafe methods, and resolves undefined on 204', async () => {
    const { fetch, sent } = stubFetch(json(201, { id: '1' }), new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await api.call(endpoints.createConnector, { body: { name: 'Acme', serviceName: 'Acme', authorizationUrl: 'https://a.test/auth', tokenUrl: 'https://a.test/token' } });
    expect(headersOf(sent[0]!).get('x-switchboard-csrf')).toBe('1');
    expect(headersOf(sent[0]!).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(sent[0]!.init.body))).toMatchObject({ name: 'Acme' });
    expect(await api.call(endpoints.deleteApi, { params: { connector: 'acme', api: 'list' } })).toBeUndefined();
    expect(sent[1]!.init.method).toBe('DELETE');
    expect(headersOf(sent[1]!).get('x-switchboard-csrf')).toBe('1');
  });

  it('sends FormData as is (the browser sets the multipart boundary) and encodes the query', async () => {
    const { fetch, sent } = stubFetch(json(200, { status: 200, headers: {}, body: null }), json(200, { items: [], nextCursor: null }));
    const api = createApiClient({ fetch });
    const form = new FormData();
    form.set('VARIABLES', '{}');
    await api.call(endpoints.invoke, { params: { org: 'dev', connector: 'acme', api: 'upload' }, body: form });
    expect(sent[0]!.url).toBe('/v1/orgs/dev/invoke/acme.upload');
    expect(sent[0]!.init.body).toBe(form);
    expect(headersOf(sent[0]!).has('content-type')).toBe(false);
    await api.call(endpoints.listEvents, { params: { org: 'dev' }, query: { type: 'authorization.succeeded' } });
    expect(sent[1]!.url).toBe('/v1/orgs/dev/events?type=authorization.succeeded');
  });

  it('turns an RFC 9457 problem into an ApiError with field errors keyed by body path', async () => {
    const problem = {
      type: 'about:blank#validation_failed',
      title: 'Validation failed',
      status: 400,
      detail: 'The request body is invalid.',
      code: 'validation_failed',
      errors: [
        { path: 'body.tokenUrl', message: 'must be an absolute http(s) URL without credentials' },
        { path: 'body.scopes.1', message: 'scope tokens are printable ASCII' },
        { path: 'body.tokenUrl', message: 'second' },
        { path: 'query.limit', message: 'too big' },
      ],
    };
    const { fetch } = stubFetch(json(400, problem, 'application/problem+json'));
    const api = createApiClient({ fetch });
    const error = await api.call(endpoints.createConnector, { body: { name: 'x', serviceName: 'x', authorizationUrl: 'x', tokenUrl: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({ code: 'validation_failed', status: 400, title: 'Validation failed', detail: 'The request body is invalid.' });
    expect(apiError.fieldErrors).toEqual({
      tokenUrl: 'must be an absolute http(s) URL without credentials; second',
      'scopes.1': 'scope tokens are printable ASCII',
      'query.limit': 'too big',
    });
    expect(apiError.fieldError('scopes')).toBe('scope tokens are printable ASCII');
    expect(apiError.fieldError('name')).toBeUndefined();
  });

  it('tells onUnauthorized listeners of a 401, except on requests that expect one', async () => {
    const unauthorized = { status: 401, title: 'Unauthorized', type: 'about:blank#unauthorized', code: 'unauthorized' };
    const { fetch } = stubFetch(json(401, unauthorized, 'application/problem+json'), json(401, unauthorized, 'application/problem+json'));
    const api = createApiClient({ fetch });
    let calls = 0;
    const stop = api.onUnauthorized(() => calls++);
    await expect(api.call(endpoints.listConnectors)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(calls).toBe(1);
    await expect(api.request({ method: 'GET', path: '/v1/console/session', expectUnauthorized: true })).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
    stop();
  });

  it('reports a network failure and a non-problem error answer as ApiErrors', async () => {
    const { fetch } = stubFetch(new Response('Bad gateway', { status: 502, headers: { 'content-type': 'text/plain' } }));
    const api = createApiClient({ fetch });
    await expect(api.call(endpoints.listConnectors)).rejects.toMatchObject({ code: 'http_502', status: 502 });
    await expect(api.call(endpoints.listConnectors)).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});
