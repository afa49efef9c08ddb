import { lookup } from 'node:dns/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { hostname as osHostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { Problem } from '@switchboard/contracts';
import { compileAllowList, isAllowedAddress, parseAllowList } from '@switchboard/outbound';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { manualClock } from '@switchboard/core';
import { createTestEnvironment, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestEnvironment } from './testing/test-environment.js';

/**
 * Security properties over the real stack: the SSRF guard refuses private destinations before any
 * connection, redirects are returned rather than followed, no secret or token leaks into a
 * response, a log line or the database in plaintext, and the callback page escapes provider text.
 */

/** Accepts TCP connections on every loopback address (dual stack) and counts them; never answers. */
async function startTrap(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let count = 0;
  const server: TcpServer = createTcpServer((socket) => {
    count += 1;
    socket.destroy();
  });
  // Dual stack when the machine has IPv6, so IPv4 and IPv6 loopback attempts land here alike.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => (server.listening ? reject(error) : server.listen({ port: 0, host: '127.0.0.1' }, resolve)));
    server.listen({ port: 0, host: '::', ipv6Only: false }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An HTTP upstream on 127.0.0.1 that redirects, and counts hits on the redirect targets. */
async function startRedirector(): Promise<{ url: string; landings: () => number; close(): Promise<void> }> {
  let landings = 0;
  const server: HttpServer = createHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    request.resume();
    if (path.startsWith('/landing')) {
      landings += 1;
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('landed');
      return;
    }
    const status = Number(path.split('/')[2] ?? '302');
    const target = path.startsWith('/to-metadata') ? 'http://169.254.169.254/latest/meta-data/' : `http://127.0.0.1:${(server.address() as AddressInfo).port}/landing${path}`;
    response.writeHead(Number.isInteger(status) && status >= 300 ? status : 302, { location: target, 'content-type': 'text/plain' });
    response.end('moved');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    landings: () => landings,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Destinations that are not loopback must never see a packet from this test. Before any test
 * sends a request towards one, the guard's own decision function must refuse it; a broken guard
 * then fails here instead of reaching the network.
 */
function assertRefusedOffline(url: string, allowPrivateNetwork: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const allowList = compileAllowList(parseAllowList(allowPrivateNetwork));
  if (isAllowedAddress(host, host, allowList)) throw new Error(`unsafe test: the guard would let ${url} through; not sending`);
}

const nonLoopbackTargets = [
  'http://169.254.169.254/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://2852039166/latest/meta-data/', // 169.254.169.254 in decimal
  'http://0xa9.0xfe.0xa9.0xfe/',
  'http://10.0.0.1/',
  'http://[::ffff:a00:1]/',
  'http://192.168.1.1/',
  'http://172.16.0.1/',
  'http://100.64.0.1/',
  'http://198.18.0.1/',
  'http://0.0.0.1/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://[fd00::1]/',
  'http://[fe80::1]/',
  'http://[ff02::1]/',
  'http://[2001:db8::1]/',
  'http://[::a00:1]/',
];

describe.each(testDatabases())('security on $name', (database) => {
  let opened: OpenedTestDatabase;
  let env: TestEnvironment;
  const clock = manualClock();
  let trap: Awaited<ReturnType<typeof startTrap>>;
  let redirector: Awaited<ReturnType<typeof startRedirector>>;
  const canaries = new Set<string>([DEMO_CLIENT_SECRET]);

  const invoke = (api: string, data: unknown = {}, org = 'dev') => env.request('POST', `/v1/orgs/${org}/invoke/acme.${api}`, data);

  const addApi = async (apiName: string, url: string, method = 'GET') => {
    const response = await env.request('POST', '/v1/connectors/acme/apis', { name: apiName, apiName, method, url });
    expect(response.status, `${url}: ${response.text}`).toBe(201);
  };

  /** Decrypt the tokens of a connection from the store and remember them as canaries. */
  const collectTokens = async (org: string, connector = 'acme') => {
    const { row, accessToken, refreshToken, fields } = await env.storedTokens(org, connector);
    expect(row.accessTokenEncrypted).toBeTruthy();
    expect(accessToken!.length).toBeGreaterThan(10);
    canaries.add(accessToken!);
    if (refreshToken) canaries.add(refreshToken);
    for (const [name, value] of Object.entries(fields ?? {})) if (/token/i.test(name) && typeof value === 'string') canaries.add(value);
  };

  beforeAll(async () => {
    // Opened here rather than by the harness: the last test reads the database's files and tables.
    opened = await database.open();
    trap = await startTrap();
    redirector = await startRedirector();
    env = await createTestEnvironment({ storage: opened.config, clock });
    await env.createAcmeConnector();
    expect((await env.authorize('dev')).status).toBe(200);
    await collectTokens('dev');
  });

  afterAll(async () => {
    await trap?.close();
    await redirector?.close();
    await env?.close();
    await opened?.cleanup();
  });

  describe('SSRF guard on invoke', () => {
    it('loopback addresses outside the allow-list (127.0.0.1 and localhost are allowed here) are refused before connecting', async () => {
      const p = trap.port;
      const targets = [
        `http://127.0.0.2:${p}/`,
        `http://127.1.2.3:${p}/`,
        `http://2130706434:${p}/`, // 127.0.0.2
        `http://0x7f000002:${p}/`,
        `http://0177.0.0.2:${p}/`,
        `http://127.2:${p}/`, // 127.0.0.2
        `http://[::1]:${p}/`,
        `http://[0:0:0:0:0:0:0:1]:${p}/`,
        `http://[::ffff:7f00:2]:${p}/`,
        `http://[::ffff:127.0.0.2]:${p}/`,
        `http://0.0.0.0:${p}/`,
        `http://0:${p}/`,
        `http://[::]:${p}/`,
      ];
      const before = env.demo.stats().apiRequests;
      for (const [index, url] of targets.entries()) {
        await addApi(`loop_${index}`, url);
        const problem = expectProblem(await invoke(`loop_${index}`), 400, 'destination_blocked');
        expect(problem.detail ?? '', url).not.toContain('Bearer');
      }
      expect(trap.connections()).toBe(0);
      expect(env.demo.stats().apiRequests).toBe(before);
    });

    it('private, link-local (metadata), reserved and multicast addresses are refused before connecting', async () => {
      for (const [index, url] of nonLoopbackTargets.entries()) {
        assertRefusedOffline(url, '127.0.0.1,localhost');
        await addApi(`private_${index}`, url, index % 2 === 0 ? 'GET' : 'POST');
        expectProblem(await invoke(`private_${index}`), 400, 'destination_blocked');
      }
    });

    it('the refusal names neither the token nor the full URL', async () => {
      await addApi('secret_query', 'http://10.0.0.1/path?api_key=${key}');
      assertRefusedOffline('http://10.0.0.1/', '127.0.0.1,localhost');
      const response = await invoke('secret_query', { key: 'query-canary-77b1' });
      expectProblem(response, 400, 'destination_blocked');
      expect(response.text).not.toContain('query-canary-77b1');
      expect(env.logs()).not.toContain('query-canary-77b1');
    });

    it('redirects from the upstream are returned, not followed (same origin or metadata)', async () => {
      for (const path of ['/r/302', '/r/301', '/r/303', '/r/307', '/r/308', '/to-metadata']) {
        await addApi(`redirect_${path.replace(/\W/g, '')}`, `${redirector.url}${path}`);
        const response = await invoke(`redirect_${path.replace(/\W/g, '')}`);
        expect(response.status, response.text).toBe(200);
        const result = response.body as { status: number; headers: Record<string, string> };
        expect(result.status).toBeGreaterThanOrEqual(300);
        expect(result.status).toBeLessThan(400);
        expect(result.headers['location']).toBeDefined();
      }
      expect(redirector.landings()).toBe(0);
    });
  });

  describe('SSRF guard with a strict allow-list', () => {
    // Only the name `localhost` is allowed: the demo is reached through it, while every
    // loopback IP literal, and any other name resolving to loopback, stays refused.
    let strict: TestEnvironment;
    const localhostUrl = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

    beforeAll(async () => {
      strict = await createTestEnvironment({ database, env: { SWITCHBOARD_ALLOW_PRIVATE_NETWORK: 'localhost' } });
      await strict.createAcmeConnector({ tokenUrl: localhostUrl(strict.demo.tokenUrl), revokeUrl: localhostUrl(strict.demo.revocationUrl) });
      expect((await strict.authorize('dev')).status).toBe(200);
    });

    afterAll(async () => {
      await strict?.close();
    });

    const addStrictApi = async (apiName: string, url: string) => {
      const response = await strict.request('POST', '/v1/connectors/acme/apis', { name: apiName, apiName, method: 'GET', url });
      expect(response.status, response.text).toBe(201);
    };

    it('the allow-listed name works', async () => {
      await addStrictApi('vialocalhost', `${localhostUrl(strict.demo.apiBaseUrl)}/contacts`);
      const response = await strict.request('POST', '/v1/orgs/dev/invoke/acme.vialocalhost', {});
      expect(response.status, response.text).toBe(200);
      expect((response.body as { status: number }).status).toBe(200);
    });

    it('the demo by its IP literal is refused: no request reaches it', async () => {
      const before = strict.demo.stats().apiRequests;
      expectProblem(await strict.request('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {}), 400, 'destination_blocked');
      expect(strict.demo.stats().apiRequests).toBe(before);
    });

    it('every spelling of 127.0.0.1 is refused before connecting', async () => {
      const p = trap.port;
      const targets = [
        `http://127.0.0.1:${p}/`,
        `http://[::ffff:7f00:1]:${p}/`,
        `http://[::ffff:127.0.0.1]:${p}/`,
        `http://[0:0:0:0:0:ffff:7f00:1]:${p}/`,
        `http://2130706433:${p}/`,
        `http://0x7f000001:${p}/`,
        `http://0x7f.0x0.0x0.0x1:${p}/`,
        `http://0177.0.0.1:${p}/`,
        `http://127.1:${p}/`,
        `http://127.0.1:${p}/`,
      ];
      for (const [index, url] of targets.entries()) {
        await addStrictApi(`spelled_${index}`, url);
        expectProblem(await strict.request('POST', `/v1/orgs/dev/invoke/acme.spelled_${index}`, {}), 400, 'destination_blocked');
      }
      expect(trap.connections()).toBe(0);
    });

    it('another name that resolves to loopback is refused (the allow-list names localhost only)', async () => {
      const candidates = [osHostname(), 'ip6-localhost', 'ip6-loopback'];
      const resolving: string[] = [];
      for (const name of candidates) {
        if (name.toLowerCase() === 'localhost') continue;
        const addresses = await lookup(name, { all: true }).catch(() => []);
        if (addresses.length > 0 && addresses.every((a) => a.address === '::1' || a.address.startsWith('127.'))) resolving.push(name);
      }
      if (resolving.length === 0) return; // this machine has no such name; nothing to test
      for (const [index, name] of resolving.entries()) {
        await addStrictApi(`named_${index}`, `http://${name}:${trap.port}/`);
        expectProblem(await strict.request('POST', `/v1/orgs/dev/invoke/acme.named_${index}`, {}), 400, 'destination_blocked');
      }
      expect(trap.connections()).toBe(0);
    });

    it('the token exchange towards a refused destination fails with destination_blocked; nothing is stored', async () => {
      const cases = [
        { apiName: 'tok_http_ip', tokenUrl: strict.demo.tokenUrl }, // http to a loopback literal
        { apiName: 'tok_https_ip', tokenUrl: `https://127.0.0.2:${trap.port}/token` },
        { apiName: 'tok_mapped', tokenUrl: `https://[::ffff:7f00:1]:${trap.port}/token` },
        { apiName: 'tok_metadata', tokenUrl: 'https://169.254.169.254/token' },
      ];
      const tokenRequestsBefore = strict.demo.stats().tokenRequests.authorization_code;
      for (const entry of cases) {
        if (entry.apiName === 'tok_metadata') assertRefusedOffline(entry.tokenUrl, 'localhost');
        await strict.createAcmeConnector({ name: entry.apiName, apiName: entry.apiName, tokenUrl: entry.tokenUrl });
        const { callback: redirect } = await strict.consent('dev', entry.apiName);
        const callback = await fetch(redirect, { headers: { accept: 'application/json' } });
        expect(callback.status, entry.apiName).toBe(400);
        expect(((await callback.json()) as Problem).code, entry.apiName).toBe('destination_blocked');
        expect((await strict.connection('dev', entry.apiName)).status).toBe('not_authorized');
      }
      expect(strict.demo.stats().tokenRequests.authorization_code).toBe(tokenRequestsBefore);
      expect(trap.connections()).toBe(0);
    });

    it('a refresh towards a refused destination fails with destination_blocked and leaves the connection authorized', async () => {
      const patched = await strict.request('PATCH', '/v1/connectors/acme', { refreshUrl: `https://127.0.0.2:${trap.port}/token` });
      expect(patched.status).toBe(200);
      strict.demo.invalidateIssuedAccessTokens(); // the next call answers 401, forcing a refresh
      const before = strict.demo.stats().tokenRequests.refresh_token;
      expectProblem(await strict.request('POST', '/v1/orgs/dev/invoke/acme.vialocalhost', {}), 400, 'destination_blocked');
      expect(strict.demo.stats().tokenRequests.refresh_token).toBe(before);
      expect(trap.connections()).toBe(0);
      const connection = await strict.connection('dev');
      expect(connection.status).toBe('authorized');
      expect(connection.lastError?.code).toBe('destination_blocked');
    });
  });

  describe('the callback page escapes provider-supplied text', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; alert(1); //", '</script><script>alert(1)</script>', '<!--', '\u2028\u2029'];

    const stateOf = async (): Promise<string> => {
      const started = await env.request<{ authorizationUrl: string }>('POST', '/v1/orgs/dev/connections/acme/authorize', {});
      return new URL(started.body.authorizationUrl).searchParams.get('state')!;
    };

    const expectSafePage = async (response: Response) => {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
      const html = await response.text();
      expect(html).not.toContain('alert(1)</script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('onerror=');
      expect(html).not.toContain('<!--');
      // Exactly one script element: the page's own, carrying the nonce.
      expect(html.match(/<script/g)?.length).toBe(1);
      expect(html).toMatch(/<script nonce="[^"]+">/);
      return html;
    };

    it('error / error_description / error_uri with a valid state', async () => {
      for (const text of hostile) {
        const query = new URLSearchParams({ state: await stateOf(), error: 'access_denied', error_description: text, error_uri: `javascript:alert(1)//${text}`, iss: env.demo.issuer });
        await expectSafePage(await fetch(`${env.server.url}/v1/oauth/callback?${query}`, { headers: { accept: 'text/html' } }));
        const hostileCode = new URLSearchParams({ state: await stateOf(), error: text, iss: env.demo.issuer });
        const html = await expectSafePage(await fetch(`${env.server.url}/v1/oauth/callback?${hostileCode}`, { headers: { accept: 'text/html' } }));
        expect(html).not.toContain('javascript:');
      }
    });

    it('hostile text without a valid state, and in unknown parameters', async () => {
      for (const text of hostile) {
        const query = new URLSearchParams({ state: text, code: text, error_description: text, [text]: text });
        await expectSafePage(await fetch(`${env.server.url}/v1/oauth/callback?${query}`, { headers: { accept: 'text/html' } }));
      }
    });

    it('a provider denial (access_denied) stores nothing', async () => {
      const response = await env.authorize('dev', 'acme', { decision: 'deny' });
      expect(response.status).toBe(400);
      await response.text();
      expect((await env.connection('dev')).status).toBe('authorized'); // the earlier authorization stays
    });
  });

  describe('canaries: no secret or token in any response, log or database row', () => {
    it('a tour of every route, success and error paths, including refreshes and revocation', async () => {
      const wrongSecret = 'canary-wrong-secret-9d2e4b';
      canaries.add(wrongSecret);
      const extraSecret = 'canary-other-secret-c7a1f0';
      canaries.add(extraSecret);
      const tour: Array<[string, string, unknown?, { raw?: BodyInit; headers?: Record<string, string> }?]> = [
        ['GET', '/health'],
        ['GET', '/ready'],
        ['GET', '/v1/openapi.json'],
        ['GET', '/v1/connectors'],
        ['GET', '/v1/connectors/acme'],
        ['GET', '/v1/connectors/acme/credentials'],
        ['PUT', '/v1/connectors/acme/credentials', { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }],
        ['PUT', '/v1/connectors/acme/credentials', { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, extra: DEMO_CLIENT_SECRET }],
        ['PUT', '/v1/connectors/acme/credentials', { clientId: DEMO_CLIENT_ID, clientSecret: 42 }],
        ['PUT', '/v1/connectors/acme/credentials', undefined, { raw: `{"clientSecret":"${DEMO_CLIENT_SECRET}"`, headers: { 'content-type': 'application/json' } }],
        ['PATCH', '/v1/connectors/acme', { description: 'touring' }],
        ['PATCH', '/v1/connectors/acme', { clientSecret: DEMO_CLIENT_SECRET }],
        ['GET', '/v1/connectors/acme/apis'],
        ['GET', '/v1/connectors/acme/apis/echo'],
        ['POST', '/v1/connectors/acme/apis', { name: 'x', method: 'GET', url: `https://\${${DEMO_CLIENT_SECRET}}/` }],
        ['GET', '/v1/orgs'],
        ['GET', '/v1/orgs/dev/connections'],
        ['GET', '/v1/orgs/dev/connections/acme'],
        ['POST', '/v1/orgs/dev/connections/acme/authorize', {}],
        ['POST', '/v1/orgs/dev/invoke/acme.listcontacts', {}],
        ['POST', '/v1/orgs/dev/invoke/acme.createcontact', { First_Name: 'Canary', Last_Name: 'Bird', Email_ID: 'c@example.com', Phone_Number: '1' }],
        ['POST', '/v1/orgs/dev/invoke/acme.createcontact', { First_Name: 'Canary' }],
        ['POST', '/v1/orgs/dev/invoke/acme.echo', { path: 'p', q: 'q', note: 'n', text: 't' }],
        ['POST', '/v1/orgs/dev/invoke/acme.echo', { path: 'p', q: 'q', note: 'n\r\nx', text: 't' }],
        ['POST', '/v1/orgs/dev/invoke/acme.echo', { path: '..', q: 'q', note: 'n', text: 't' }],
        ['POST', '/v1/orgs/dev/invoke/acme.uploadfile', { FILE: { filename: 'a.txt', content: Buffer.from('hello').toString('base64') } }],
        ['POST', '/v1/orgs/dev/invoke/acme.private_0', {}],
        ['POST', '/v1/orgs/dev/invoke/acme.nothing', {}],
        ['POST', '/v1/orgs/dev/invoke/acme.listcontacts', {}, { headers: { authorization: `Bearer ${DEMO_CLIENT_SECRET}` } }],
        ['GET', '/v1/nowhere'],
      ];
      const run = async () => {
        for (const [method, path, body, options] of tour) {
          const response = await env.request(method, path, body, options ?? {});
          expect(response.status, `${method} ${path}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
        }
      };
      await run();

      // Expiry → automatic refresh (new tokens), then upstream 401 → forced refresh and retry.
      clock.advance(3 * 3600);
      expect((await invoke('listcontacts')).status).toBe(200);
      await collectTokens('dev');
      env.demo.invalidateIssuedAccessTokens();
      expect((await invoke('listcontacts')).status).toBe(200);
      await collectTokens('dev');
      await run();

      // A second org, a connector whose token exchange fails (wrong secret), and a denial.
      expect((await env.request('POST', '/v1/orgs', { id: 'canary-org', name: 'Canary' })).status).toBe(201);
      await env.install('canary-org', ['acme']);
      expect((await env.authorize('canary-org')).status).toBe(200);
      await collectTokens('canary-org');
      await env.createAcmeConnector({ name: 'Wrong Secret', apiName: 'wrongsecret', revokeUsing: 'access_token' });
      await env.request('PUT', '/v1/connectors/wrongsecret/credentials', { clientId: DEMO_CLIENT_ID, clientSecret: wrongSecret });
      const failed = await env.authorize('dev', 'wrongsecret');
      expect(failed.status).toBeGreaterThanOrEqual(400);
      await failed.text();
      expect((await env.authorize('dev', 'acme', { decision: 'deny' })).status).toBe(400);

      // The same failure answered as a problem (Accept: application/json): 400 like the page.
      const direct: string[] = [];
      const { callback: redirect } = await env.consent('dev', 'wrongsecret', { body: { returnTo: '/after' } });
      const problem = await fetch(redirect, { headers: { accept: 'application/json' } });
      expect(problem.status).toBe(400);
      direct.push(await problem.text());
      direct.push(await (await fetch(redirect, { headers: { accept: 'application/json' } })).text()); // replay

      // A connector whose secret is set and then replaced, an API deleted, the connector deleted.
      await env.request('PUT', '/v1/connectors/wrongsecret/credentials', { clientId: 'other', clientSecret: extraSecret });
      expect((await env.request('POST', '/v1/connectors/wrongsecret/apis', { name: 'Gone', method: 'GET', url: 'https://example.com/' })).status).toBe(201);
      expect((await env.request('PATCH', '/v1/connectors/wrongsecret/apis/gone', { description: 'x' })).status).toBe(200);
      expect((await env.request('DELETE', '/v1/connectors/wrongsecret/apis/gone')).status).toBe(204);
      expect((await env.request('DELETE', '/v1/connectors/wrongsecret')).status).toBe(204);

      // Revocation with the refresh token (acme) and the access token (a connector set up for it).
      const revoked = await env.request('DELETE', '/v1/orgs/canary-org/connections/acme');
      expect(revoked.status).toBe(200);
      expect((revoked.body as { providerRevocation: string }).providerRevocation).toBe('succeeded');
      await env.request('PATCH', '/v1/connectors/acme', { revokeUsing: 'access_token' });
      // The org uses installed versions: a second solution brings the new one (the highest wins).
      await env.install('canary-org', ['acme']);
      expect((await env.authorize('canary-org')).status).toBe(200);
      await collectTokens('canary-org');
      expect(((await env.request('DELETE', '/v1/orgs/canary-org/connections/acme')).body as { providerRevocation: string }).providerRevocation).toBe('succeeded');
      // Invoke after revocation: not_authorized.
      expectProblem(await invoke('listcontacts', {}, 'canary-org'), 409, 'not_authorized');
      await run();

      expect(canaries.size).toBeGreaterThanOrEqual(8);
      const responses = [...env.responses(), ...direct].join('\n');
      const logs = env.logs();
      expect(logs.length).toBeGreaterThan(0);
      for (const canary of canaries) {
        expect(responses.includes(canary), `a response contains canary ${canary.slice(0, 6)}…`).toBe(false);
        expect(logs.includes(canary), `the log contains canary ${canary.slice(0, 6)}…`).toBe(false);
        // Also not in URL-encoded or base64 form.
        expect(responses.includes(encodeURIComponent(canary))).toBe(false);
        expect(logs.includes(Buffer.from(canary).toString('base64'))).toBe(false);
      }
    });

    it('the database holds no secret or token in plaintext', async () => {
      expect(canaries.size).toBeGreaterThanOrEqual(8);
      if (opened.config.kind === 'sqlite') {
        const dir = dirname(opened.config.file);
        const files = readdirSync(dir);
        expect(files.length).toBeGreaterThan(0);
        let total = 0;
        for (const file of files) {
          const bytes = readFileSync(join(dir, file));
          total += bytes.length;
          for (const canary of canaries) {
            expect(bytes.indexOf(Buffer.from(canary, 'utf8')), `${file} contains canary ${canary.slice(0, 6)}…`).toBe(-1);
          }
        }
        expect(total).toBeGreaterThan(4096);
        return;
      }
      const config = opened.config;
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      try {
        const schema = config.schema ?? 'public';
        const tables = await client.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1', [schema]);
        expect(tables.rows.length).toBeGreaterThan(3);
        let rows = 0;
        for (const { table_name: table } of tables.rows) {
          const result = await client.query<{ row: string }>(`select t::text as row from "${schema}"."${table}" t`);
          rows += result.rows.length;
          const dump = result.rows.map((r) => r.row).join('\n');
          for (const canary of canaries) expect(dump.includes(canary), `${table} contains canary ${canary.slice(0, 6)}…`).toBe(false);
        }
        expect(rows).toBeGreaterThan(5);
      } finally {
        await client.end();
      }
    });
  });
});
