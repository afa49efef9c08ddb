import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestSender } from './send-request.js';
import { SwitchboardError } from './switchboard-error.js';

/**
 * The SDK's one way to the network against a real loopback HTTP server that answers what
 * Switchboard never should (or a proxy in front of it might): HTML error pages, non-JSON success,
 * redirects. Each request is recorded as the server saw it.
 */

const sessionToken = 'sbs_acme-customer.0123456789abcdef.c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0';
const secret = sessionToken.slice(sessionToken.lastIndexOf('.') + 1);

describe('createRequestSender against answers that are not Switchboard’s JSON', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      const routes: Record<string, () => void> = {
        '/html-502': () => response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>'),
        '/json-500': () => response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"oops"}'),
        '/text-200': () => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
        '/empty-204': () => response.writeHead(204).end(),
        '/problem-404': () =>
          response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'No such connector.' })),
        '/redirect': () => response.writeHead(302, { location: '/landing' }).end(),
        '/landing': () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
      };
      (routes[request.url ?? ''] ?? (() => response.writeHead(404).end()))();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = () => createRequestSender({ baseUrl, sessionToken, fetch });

  async function rejection(path: string): Promise<SwitchboardError> {
    const error = await send()({ method: 'GET', path }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error, path).toBeInstanceOf(SwitchboardError);
    expect((error as Error).message).not.toContain(secret);
    return error as SwitchboardError;
  }

  it('sends the token in Authorization only, asks for JSON, and reads an empty answer as undefined', async () => {
    expect(await send()({ method: 'DELETE', path: '/empty-204' })).toBeUndefined();
    const request = seen.at(-1)!;
    expect(request.url).toBe('/empty-204');
    expect(request.headers.authorization).toBe(`Bearer ${sessionToken}`);
    expect(request.headers.accept).toContain('application/problem+json');
    expect(request.headers.cookie).toBeUndefined();
  });

  it('turns an error answer without a problem (an HTML page, other JSON) into invalid_response with its status', async () => {
    expect(await rejection('/html-502')).toMatchObject({ code: 'invalid_response', status: 502, problem: undefined });
    expect(await rejection('/json-500')).toMatchObject({ code: 'invalid_response', status: 500, problem: undefined });
  });

  it('turns a success that is not JSON into invalid_response', async () => {
    expect(await rejection('/text-200')).toMatchObject({ code: 'invalid_response', status: 200 });
  });

  it('turns a problem into its code, status and detail', async () => {
    expect(await rejection('/problem-404')).toMatchObject({ code: 'not_found', status: 404, detail: 'No such connector.', message: 'No such connector.' });
  });

  it('refuses to follow a redirect: network_error, and the token never reaches the target', async () => {
    const before = seen.length;
    const error = await rejection('/redirect');
    expect(error).toMatchObject({ code: 'network_error', status: 0 });
    expect(seen.slice(before).map((request) => request.url)).toEqual(['/redirect']);
  });

  it('refuses a JSON body that cannot be serialised with invalid_argument, before sending anything', async () => {
    const before = seen.length;
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const json of [{ big: 1n }, cyclic]) {
      const error = await send()({ method: 'POST', path: '/landing', json }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toMatchObject({ name: 'SwitchboardError', code: 'invalid_argument' });
    }
    expect(seen.length).toBe(before);
  });
});
