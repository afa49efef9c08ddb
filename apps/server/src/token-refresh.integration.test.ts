import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectionView } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './testing/closed-port.js';
import { manualClock } from '@switchboard/core';
import { createTestEnvironment, DEMO_CLIENT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestEnvironment } from './testing/test-environment.js';

/**
 * Token refresh against a real oidc-provider with rotating refresh tokens (reuse of a rotated
 * refresh token revokes the grant, so a double refresh shows up as a dead connection), on both
 * databases. Time moves only on Switchboard's fake clock; the demo keeps real time, so the
 * tokens Switchboard considers expired are still valid there: every refresh seen is one
 * Switchboard decided to make.
 *
 * One environment per database; each test authorizes an org of its own, and counts demo requests
 * as deltas around the step under test (tests in a file run one after another).
 */

/** Past the demo's 300 s access-token lifetime (and Switchboard's 60 s skew). */
const PAST_EXPIRY_SECONDS = 301;

interface InvokeBody {
  status: number;
  body: { contacts?: Array<{ First_Name: string }> } | string;
}

/** A loopback HTTP server answering every request with `status`, counting what it received. */
async function stubServer(status: number, body = '{"error":"temporarily_unavailable"}'): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, server };
}

/** Revokes a token at the demo as the client would, behind Switchboard's back (RFC 7009). */
async function revokeAtDemo(env: TestEnvironment, token: string): Promise<void> {
  const response = await fetch(env.demo.revocationUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token, token_type_hint: 'refresh_token' }),
  });
  expect(response.status).toBe(200);
}

describe.each(testDatabases())('token refresh on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;
  const stubs: Server[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    for (const stub of stubs) {
      stub.closeAllConnections();
      await new Promise<void>((resolve) => stub.close(() => resolve()));
    }
    await env?.close();
  });

  const invoke = (org: string, api = 'acme.listcontacts') => env.request<InvokeBody>('POST', `/v1/orgs/${org}/invoke/${api}`, {});

  const expectContacts = (response: { status: number; body: InvokeBody }) => {
    expect(response.status).toBe(200);
    expect(response.body.status).toBe(200);
    expect(typeof response.body.body === 'object' && response.body.body.contacts?.map((c) => c.First_Name)).toEqual(['Ada', 'Grace']);
  };

  const refreshes = () => env.demo.stats().tokenRequests.refresh_token;

  it('refreshes an expired token once before the next invoke, and stores the rotated refresh token', async () => {
    const org = await env.authorizedOrg();
    const before = await env.storedTokens(org);
    const authorized = await env.connection(org);
    expect(authorized.lastRefreshedAt).toBeNull();
    const refreshesBefore = refreshes();

    clock.advance(PAST_EXPIRY_SECONDS);
    expectContacts(await invoke(org));
    expect(refreshes()).toBe(refreshesBefore + 1);

    const after = await env.connection(org);
    expect(after.status).toBe('authorized');
    expect(after.lastRefreshedAt).toBe(clock.now().toISOString());
    expect(Date.parse(after.expiresAt!)).toBeGreaterThan(clock.now().getTime() + 60_000);
    expect(after.lastError).toBeNull();
    const rotated = await env.storedTokens(org);
    expect(rotated.accessToken).not.toBe(before.accessToken);
    expect(rotated.refreshToken).not.toBe(before.refreshToken);
    expect(rotated.row.tokenGeneration).toBe(before.row.tokenGeneration + 1);
    // The demo rotated the refresh token: the old one is spent, the stored one is live.
    expect(await env.demo.introspect(before.refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
    expect(await env.demo.introspect(rotated.refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });

    // Fresh now: no further refresh.
    expectContacts(await invoke(org));
    expect(refreshes()).toBe(refreshesBefore + 1);
  });

  it('refreshes a token within 60 s of expiry, and not earlier', async () => {
    const org = await env.authorizedOrg();
    const expiresAt = Date.parse((await env.connection(org)).expiresAt!);
    const refreshesBefore = refreshes();

    clock.advance((expiresAt - clock.now().getTime()) / 1000 - 61);
    expectContacts(await invoke(org));
    expect(refreshes()).toBe(refreshesBefore);

    clock.advance(2);
    expectContacts(await invoke(org));
    expect(refreshes()).toBe(refreshesBefore + 1);
  });

  it('refreshes again at the next expiry with the rotated refresh token (the demo refuses reuse)', async () => {
    const org = await env.authorizedOrg();
    const refreshesBefore = refreshes();

    clock.advance(PAST_EXPIRY_SECONDS);
    expectContacts(await invoke(org));
    const afterFirst = await env.storedTokens(org);
    clock.advance(PAST_EXPIRY_SECONDS);
    expectContacts(await invoke(org));

    expect(refreshes()).toBe(refreshesBefore + 2);
    const afterSecond = await env.storedTokens(org);
    expect(afterSecond.refreshToken).not.toBe(afterFirst.refreshToken);
    expect((await env.connection(org)).status).toBe('authorized');
    expect(await env.demo.introspect(afterSecond.refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });
  });

  it('answers an upstream 401 with exactly one forced refresh and one successful retry', async () => {
    const org = await env.authorizedOrg();
    expectContacts(await invoke(org));
    const before = await env.storedTokens(org);
    const refreshesBefore = refreshes();
    const apiRequestsBefore = env.demo.stats().apiRequests;

    env.demo.invalidateIssuedAccessTokens();
    expectContacts(await invoke(org));

    expect(refreshes()).toBe(refreshesBefore + 1);
    expect(env.demo.stats().apiRequests).toBe(apiRequestsBefore + 2); // the refused call and the retry
    const after = await env.storedTokens(org);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect((await env.connection(org)).lastRefreshedAt).toBe(clock.now().toISOString());

    expectContacts(await invoke(org));
    expect(refreshes()).toBe(refreshesBefore + 1);
  });

  it('retries a 401 only once: an API that keeps refusing gets two calls and one refresh', async () => {
    const refusing = await stubServer(401, '{"error":"invalid_token"}');
    stubs.push(refusing.server);
    const connector = await env.newConnector();
    const api = await env.request('POST', `/v1/connectors/${connector}/apis`, { name: 'Refuses', apiName: 'refuses', method: 'GET', url: `${refusing.url}/things` });
    expect(api.status).toBe(201);
    const org = await env.authorizedOrg(connector);
    const refreshesBefore = refreshes();

    const response = await invoke(org, `${connector}.refuses`);
    // The upstream call was made, so its answer is passed through.
    expect(response.status).toBe(200);
    expect(response.body.status).toBe(401);
    expect(refusing.hits()).toBe(2);
    expect(refreshes()).toBe(refreshesBefore + 1);
    expect((await env.connection(org, connector)).status).toBe('authorized');
  });

  it('shares ONE refresh among 50 concurrent invokes on an expired token', async () => {
    const org = await env.authorizedOrg();
    const refreshesBefore = refreshes();
    clock.advance(PAST_EXPIRY_SECONDS);

    const responses = await Promise.all(Array.from({ length: 50 }, () => invoke(org)));
    for (const response of responses) expectContacts(response);
    expect(refreshes()).toBe(refreshesBefore + 1);
    expect((await env.connection(org)).status).toBe('authorized');
  });

  it('shares ONE forced refresh among 50 concurrent invokes that all meet a 401', async () => {
    const org = await env.authorizedOrg();
    expectContacts(await invoke(org));
    const refreshesBefore = refreshes();
    env.demo.invalidateIssuedAccessTokens();

    const responses = await Promise.all(Array.from({ length: 50 }, () => invoke(org)));
    for (const response of responses) expectContacts(response);
    expect(refreshes()).toBe(refreshesBefore + 1);
    expect((await env.connection(org)).status).toBe('authorized');
  });

  it('marks the connection needs_reauthorization on invalid_grant, without a retry loop', async () => {
    const org = await env.authorizedOrg();
    const { refreshToken } = await env.storedTokens(org);
    await revokeAtDemo(env, refreshToken!);
    const refreshesBefore = refreshes();
    clock.advance(PAST_EXPIRY_SECONDS);

    const first = await invoke(org);
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({ code: 'needs_reauthorization' });
    expect(first.text).not.toContain(refreshToken!);
    expect(refreshes()).toBe(refreshesBefore + 1);
    const status = await env.connection(org);
    expect(status.status).toBe('needs_reauthorization');
    expect(status.lastError).toMatchObject({ code: 'needs_reauthorization' });

    const second = await invoke(org);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'needs_reauthorization' });
    clock.advance(PAST_EXPIRY_SECONDS);
    expect((await invoke(org)).status).toBe(409);
    expect(refreshes()).toBe(refreshesBefore + 1);

    // Authorizing again heals it.
    expect((await env.authorize(org)).status).toBe(200);
    expect((await env.connection(org)).status).toBe('authorized');
    expectContacts(await invoke(org));
  });

  it('makes ONE refresh request for 50 concurrent invokes on a dead grant, and answers all of them 409', async () => {
    const org = await env.authorizedOrg();
    const { refreshToken } = await env.storedTokens(org);
    await revokeAtDemo(env, refreshToken!);
    const refreshesBefore = refreshes();
    clock.advance(PAST_EXPIRY_SECONDS);

    const responses = await Promise.all(Array.from({ length: 50 }, () => invoke(org)));
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 409));
    for (const response of responses) expect(response.body).toMatchObject({ code: 'needs_reauthorization' });
    expect(refreshes()).toBe(refreshesBefore + 1);
    expect((await env.connection(org)).status).toBe('needs_reauthorization');
  });

  it('marks the connection needs_reauthorization when the forced refresh after a 401 meets invalid_grant', async () => {
    const org = await env.authorizedOrg();
    const { refreshToken } = await env.storedTokens(org);
    // Revoking the refresh token ends the whole grant at the demo, access token included.
    await revokeAtDemo(env, refreshToken!);
    const refreshesBefore = refreshes();

    const first = await invoke(org);
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({ code: 'needs_reauthorization' });
    expect((await invoke(org)).status).toBe(409);
    expect(refreshes()).toBe(refreshesBefore + 1);
    expect((await env.connection(org)).status).toBe('needs_reauthorization');
  });

  it('keeps the stored refresh token when a refresh response carries none', async () => {
    // A token endpoint in front of the demo that drops refresh_token from its answers.
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers: Record<string, string> = { 'content-type': String(req.headers['content-type']) };
        if (req.headers.authorization) headers['authorization'] = req.headers.authorization;
        void fetch(env.demo.tokenUrl, { method: 'POST', headers, body: Buffer.concat(chunks) }).then(async (upstream) => {
          const body = (await upstream.json()) as Record<string, unknown>;
          delete body['refresh_token'];
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      });
    });
    stubs.push(proxy);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const connector = await env.newConnector({ refreshUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/token` });
    const org = await env.authorizedOrg(connector);
    const before = await env.storedTokens(org, connector);
    clock.advance(PAST_EXPIRY_SECONDS);

    expectContacts(await invoke(org, `${connector}.listcontacts`));
    const after = await env.storedTokens(org, connector);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect((await env.connection(org, connector)).lastRefreshedAt).toBe(clock.now().toISOString());
  });

  it('fails the call with 503 on a 503 from the token endpoint and keeps the connection authorized', async () => {
    const unavailable = await stubServer(503);
    stubs.push(unavailable.server);
    const connector = await env.newConnector({ refreshUrl: `${unavailable.url}/token` });
    // Org `dev` uses the draft, so the fix below (the draft's refresh URL) applies at once.
    const org = 'dev';
    expect((await env.authorize(org, connector)).status).toBe(200);
    const refreshesBefore = refreshes();
    clock.advance(PAST_EXPIRY_SECONDS);

    const first = await invoke(org, `${connector}.listcontacts`);
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ code: 'upstream_unavailable', status: 503 });
    expect(unavailable.hits()).toBe(1);
    const status = await env.connection(org, connector);
    expect(status.status).toBe('authorized');
    expect(status.lastError).toMatchObject({ code: 'upstream_unavailable' });

    // Not a dead end: the next call tries again, and once the service is back it succeeds.
    expect((await invoke(org, `${connector}.listcontacts`)).status).toBe(503);
    expect(unavailable.hits()).toBe(2);
    const patched = await env.request('PATCH', `/v1/connectors/${connector}`, { refreshUrl: env.demo.tokenUrl });
    expect(patched.status).toBe(200);
    expectContacts(await invoke(org, `${connector}.listcontacts`));
    expect(refreshes()).toBe(refreshesBefore + 1);
    const healed = await env.connection(org, connector);
    expect(healed.status).toBe('authorized');
    expect(healed.lastError).toBeNull();
  });

  it.each([429, 500, 502])('treats HTTP %i from the token endpoint as transient: 503, still authorized', async (status) => {
    const failing = await stubServer(status, '{"error":"slow_down"}');
    stubs.push(failing.server);
    const connector = await env.newConnector({ refreshUrl: `${failing.url}/token` });
    const org = await env.authorizedOrg(connector);
    clock.advance(PAST_EXPIRY_SECONDS);

    const response = await invoke(org, `${connector}.listcontacts`);
    // The problem's own status member agrees with the HTTP status (RFC 9457 §3.1.2).
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'upstream_unavailable', status: 503 });
    expect(failing.hits()).toBe(1);
    expect((await env.connection(org, connector)).status).toBe('authorized');
  });

  it('fails the call with 502 when the token endpoint is unreachable and keeps the connection authorized', async () => {
    const connector = await env.newConnector({ refreshUrl: `http://127.0.0.1:${await closedPort()}/token` });
    const org = await env.authorizedOrg(connector);
    clock.advance(PAST_EXPIRY_SECONDS);

    const response = await invoke(org, `${connector}.listcontacts`);
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code: 'upstream_unreachable' });
    expect((await env.connection(org, connector)).status).toBe('authorized');
  });

  it('never shows a token or the client secret in a response or a log line', async () => {
    expect(env.tokensSeen().length).toBeGreaterThan(10);
    env.expectNoSecretShown();
  });
});

describe.each(testDatabases())('token refresh with the demo down on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('fails the call with 502 and keeps the connection authorized', async () => {
    expect((await env.authorize('dev')).status).toBe(200);
    await env.demo.close();
    clock.advance(PAST_EXPIRY_SECONDS);

    const response = await env.request('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {});
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code: 'upstream_unreachable' });
    const status = await env.request<ConnectionView>('GET', '/v1/orgs/dev/connections/acme');
    expect(status.body.status).toBe('authorized');
    expect(status.body.lastError).toMatchObject({ code: 'upstream_unreachable' });
    expect(status.body.lastRefreshedAt).toBeNull();
  });
});
