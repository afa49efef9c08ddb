import { request as httpRequest } from 'node:http';
import { endpoints, type EndpointSpec, type Problem } from '@switchboard/contracts';
import { manualClock } from '@switchboard/core';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * Org isolation, generated from the endpoints table: every org-scoped route × (own key, another
 * org's key, revoked key, no key, malformed key), and every admin-only route × org keys.
 */

const specs = Object.entries(endpoints) as Array<[string, EndpointSpec]>;
const orgScoped = specs.filter(([, spec]) => spec.auth === 'org' || spec.auth === 'connector');
const adminOnly = specs.filter(([, spec]) => spec.auth === 'admin');

/** A concrete path for an endpoint: the org given, connector `acme`, API `echo`, any other parameter a well-shaped harmless value. */
const concretePath = (spec: EndpointSpec, org: string): string =>
  spec.path
    .replace('{connector}.{api}', 'acme.echo')
    .replace('{solution}.{function}', 'nosuch.nofn')
    .replace('{function}', 'nofn')
    .replace('{org}', org)
    .replace('{connector}', 'acme')
    .replace('{api}', 'echo')
    .replace('{key}', '0123456789abcdef')
    .replace('{solution}', 'nosuch')
    .replace('{release}', '1.0.0')
    .replace(/\{\w+\}/g, '1');

/** A body each route accepts (so the own-key cell reaches the use-case), `{}` elsewhere. */
const bodyFor = (name: string, spec: EndpointSpec): unknown =>
  name === 'createSession' ? { allowedOrigins: ['https://app.example.com'] } : spec.method === 'get' || spec.method === 'delete' ? undefined : {};

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A request with exactly these headers: no admin key. */
async function call(env: TestEnvironment, spec: EndpointSpec, path: string, body: unknown, headers: Record<string, string>): Promise<ApiResponse> {
  const response = await fetch(`${env.server.url}${path}`, {
    method: spec.method.toUpperCase(),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const expectUnauthenticated = (response: ApiResponse, label: string) => {
  expect(response.status, `${label}: ${response.text}`).toBe(401);
  expect(response.headers.get('www-authenticate'), label).toMatch(/^Bearer /);
  expect((response.body as Problem).code, label).toBe('unauthenticated');
};

describe.each(testDatabases())('access control on $name', (database) => {
  let env: TestEnvironment;
  let own: { key: string; id: string };
  let other: { key: string; id: string };
  let revoked: { key: string; id: string };
  let otherOrg: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    await env.createAcmeConnector();
    otherOrg = await env.newOrg();
    own = await env.orgKey('dev', 'own');
    other = await env.orgKey(otherOrg, 'other');
    revoked = await env.orgKey('dev', 'revoked');
    expect((await env.request('DELETE', `/v1/orgs/dev/keys/${revoked.id}`)).status).toBe(204);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the matrix covers the org-scoped routes of the issue', () => {
    const names = orgScoped.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['startAuthorization', 'listConnections', 'getConnection', 'revokeConnection', 'invoke', 'createSession']));
    expect(adminOnly.map(([name]) => name)).toEqual(expect.arrayContaining(['createOrgKey', 'listOrgKeys', 'revokeOrgKey', 'createConnector', 'listOrgs']));
  });

  describe.each(orgScoped)('%s', (name, spec) => {
    const path = () => concretePath(spec, 'dev');
    const body = bodyFor(name, spec);

    it('own org key: answered like the admin key (sessions: minted only with an org key)', async () => {
      const withKey = await call(env, spec, path(), body, bearer(own.key));
      expect([401, 403], withKey.text).not.toContain(withKey.status);
      if (name === 'createSession') {
        expect(withKey.status, withKey.text).toBe(201);
        expectProblem(await env.request(spec.method.toUpperCase(), path(), body), 403, 'forbidden');
        return;
      }
      const withAdmin = await env.request(spec.method.toUpperCase(), path(), body);
      expect(withKey.status, `${withKey.text} vs admin ${withAdmin.text}`).toBe(withAdmin.status);
      expect((withKey.body as Problem | null)?.code).toBe((withAdmin.body as Problem | null)?.code);
    });

    it("another org's key: 404 not_found, exactly as for an org that does not exist", async () => {
      const foreign = await call(env, spec, path(), body, bearer(other.key));
      const problem = expectProblem(foreign, 404, 'not_found');
      const missing = await call(env, spec, concretePath(spec, 'no-such-org-0'), body, bearer(other.key));
      expectProblem(missing, 404, 'not_found');
      const normalize = (p: Problem, org: string) => JSON.parse(JSON.stringify({ ...p, instance: undefined }).replaceAll(org, '<org>'));
      expect(normalize(problem, 'dev')).toEqual(normalize(missing.body as Problem, 'no-such-org-0'));
      // The admin key on a nonexistent org answers the same problem (where the route looks the org up).
      const admin = await env.request(spec.method.toUpperCase(), concretePath(spec, 'no-such-org-0'), body);
      if (admin.status === 404) expect(normalize(admin.body as Problem, 'no-such-org-0')).toEqual(normalize(problem, 'dev'));
    });

    it('revoked key, no key and malformed keys: 401 with WWW-Authenticate', async () => {
      expectUnauthenticated(await call(env, spec, path(), body, bearer(revoked.key)), 'revoked');
      expectUnauthenticated(await call(env, spec, path(), body, {}), 'none');
      const [ownPrefix] = own.key.split('.');
      const malformed = [
        'Bearer sbo_zzzz.short',
        `Bearer ${ownPrefix}.${'A'.repeat(43)}`, // the right id, a wrong secret
        `Bearer ${own.key}x`,
        `Bearer ${own.key.replace('sbo_', 'sbs_')}`, // a key presented as a session, without an org: malformed
        `Bearer ${own.key.replace('sbo_', 'sbs_dev.')}`, // a key presented as a session of its org: no such session
        `Basic ${Buffer.from(`x:${own.key}`).toString('base64')}`,
        own.key,
        'Bearer',
      ];
      for (const authorization of malformed) expectUnauthenticated(await call(env, spec, path(), body, { authorization }), authorization.slice(0, 20));
    });
  });

  it('every admin-only route answers 403 forbidden to an org key (own org or another), before touching anything', async () => {
    for (const [name, spec] of adminOnly) {
      for (const key of [own.key, other.key]) {
        const response = await call(env, spec, concretePath(spec, 'dev'), bodyFor(name, spec), bearer(key));
        expectProblem(response, 403, 'forbidden');
      }
    }
    // Nothing was created by those calls.
    const keys = await env.request<{ items: Array<{ name: string }> }>('GET', '/v1/orgs/dev/keys');
    expect(keys.body.items.map((k) => k.name).sort()).toEqual(['own']);
  });

  it('keys: created once with the key, listed without it, revoked at once; never in lists, logs or events', async () => {
    const org = await env.newOrg();
    const created = await env.request<{ id: string; key: string; name: string; prefix: string; createdAt: string }>('POST', `/v1/orgs/${org}/keys`, { name: 'backend' });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toEqual({ id: expect.any(String), key: expect.any(String), name: 'backend', prefix: expect.any(String), createdAt: expect.any(String) });
    const { key, id, prefix } = created.body;
    expect(key).toMatch(/^sbo_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/); // 256-bit secret
    expect(key.startsWith(prefix)).toBe(true);
    const secret = key.split('.')[1]!;

    const listed = await env.request<{ items: unknown[] }>('GET', `/v1/orgs/${org}/keys`);
    expect(listed.body.items).toEqual([{ id, name: 'backend', prefix, createdAt: created.body.createdAt, lastUsedAt: null }]);

    // Use it: lastUsedAt is recorded.
    expect((await env.request('GET', `/v1/orgs/${org}/connections`, undefined, { headers: bearer(key) })).status).toBe(200);
    const used = await env.request<{ items: Array<{ lastUsedAt: string | null }> }>('GET', `/v1/orgs/${org}/keys`);
    expect(used.body.items[0]!.lastUsedAt).not.toBeNull();

    // Revoke: the next request with it fails.
    expect((await env.request('DELETE', `/v1/orgs/${org}/keys/${id}`)).status).toBe(204);
    expectUnauthenticated(await env.request('GET', `/v1/orgs/${org}/connections`, undefined, { headers: bearer(key) }), 'after revoke');
    expectProblem(await env.request('DELETE', `/v1/orgs/${org}/keys/${id}`), 404, 'not_found');
    expectProblem(await env.request('DELETE', `/v1/orgs/${org}/keys/not-a-key-id`), 404, 'not_found');
    expectProblem(await env.request('POST', '/v1/orgs/no-such-org-1/keys', { name: 'x' }), 404, 'not_found');
    expectProblem(await env.request('POST', `/v1/orgs/${org}/keys`, { name: '' }), 400, 'validation_failed');
    expectProblem(await env.request('POST', `/v1/orgs/${org}/keys`, { name: 'x', extra: 1 }), 400, 'validation_failed');

    // Events: created and revoked, with ids only.
    const events = await env.server.store.events.list({ orgId: org, limit: 50 });
    const keyEvents = events.filter((e) => e.type.startsWith('key.'));
    expect(keyEvents.map((e) => e.type).sort()).toEqual(['key.created', 'key.revoked']);
    expect(keyEvents.every((e) => e.actor.kind === 'admin' && e.data['keyId'] === id)).toBe(true);

    const haystacks = [env.logs(), JSON.stringify(events), ...env.responses().filter((text) => !text.includes('"key":'))];
    for (const haystack of haystacks) expect(haystack.includes(secret)).toBe(false);
  });

  it('revoking a key of one org through another org is not found', async () => {
    expectProblem(await env.request('DELETE', `/v1/orgs/${otherOrg}/keys/${own.id}`), 404, 'not_found');
    expect((await call(env, endpoints.listConnections, '/v1/orgs/dev/connections', undefined, bearer(own.key))).status).toBe(200);
  });

  it('only health, readiness, the OpenAPI document, the OAuth redirect URL and console sign-in are public', () => {
    expect(specs.filter(([, spec]) => spec.auth === 'none').map(([name]) => name).sort()).toEqual([
      'createConsoleSession',
      'deleteConsoleSession',
      'getConsoleSession',
      'health',
      'oauthCallback',
      'openapi',
      'ready',
    ]);
  });

  it('HEAD runs the GET route’s guard; OPTIONS outside the connector routes answers no CORS', async () => {
    for (const [name, spec] of specs.filter(([, s]) => s.method === 'get' && s.auth !== 'none')) {
      const path = concretePath(spec, 'dev');
      const anonymous = await fetch(`${env.server.url}${path}`, { method: 'HEAD' });
      expect(anonymous.status, `${name} HEAD without a key`).toBe(401);
      const foreign = await fetch(`${env.server.url}${path}`, { method: 'HEAD', headers: bearer(other.key) });
      expect(foreign.status, `${name} HEAD with another org's key`).toBe(spec.auth === 'admin' ? 403 : 404);
      const preflight = await fetch(`${env.server.url}${path}`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
      if (spec.auth !== 'connector') expect(preflight.headers.get('access-control-allow-origin'), `${name} OPTIONS`).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials'), `${name} OPTIONS`).toBeNull();
    }
  });

  it('the OpenAPI document names the security schemes per route', async () => {
    const document = (await (await fetch(`${env.server.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security: Array<Record<string, unknown>> }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['adminKey', 'consoleSession', 'orgKey', 'sessionToken']);
    const schemes = (spec: EndpointSpec) => document.paths[spec.path]![spec.method]!.security.map((s) => Object.keys(s)[0]);
    expect(schemes(endpoints.createConnector)).toEqual(['adminKey', 'consoleSession']);
    expect(schemes(endpoints.listConnections)).toEqual(['adminKey', 'orgKey', 'consoleSession']);
    expect(schemes(endpoints.invoke)).toEqual(['adminKey', 'orgKey', 'sessionToken', 'consoleSession']);
    expect(schemes(endpoints.oauthCallback)).toEqual([]);
    expect(schemes(endpoints.createConsoleSession)).toEqual([]);
  });
});

/** A GET over a real socket bound to `localAddress` (127.0.0.x: all loopback), with exactly these headers. */
function getFrom(localAddress: string, url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'GET', headers, localAddress, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

// Loopback has all of 127.0.0.0/8: the "proxy" connects from 127.0.0.2, a direct client from 127.0.0.1.
const PROXY = '127.0.0.2';
const DIRECT = '127.0.0.1';

describe.each(testDatabases())('failed-authentication rate limit on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock, env: { SWITCHBOARD_AUTH_FAILURE_LIMIT: '3' } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('answers 429 with Retry-After after N failures a minute, logs each without the presented value', async () => {
    const canaries = ['canary-admin-guess-7d1e0f4b2a9c', `sbo_0123456789abcdef.${'C'.repeat(40)}ary`, `sbs_dev.fedcba9876543210.canary${'Q'.repeat(37)}`];
    for (const canary of canaries) {
      expectUnauthenticated(await env.request('GET', '/v1/orgs/dev/connections', undefined, { headers: bearer(canary) }), canary);
    }
    const limited = await env.request('GET', '/v1/orgs/dev/connections', undefined, { headers: bearer('canary-fourth-try-5b8e') });
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // While limited, even the right key waits (the limit is per address, before any comparison).
    expectProblem(await env.request('GET', '/v1/orgs'), 429, 'rate_limited');
    // Missing credentials are not guesses: they are refused but not counted.
    clock.advance(61);
    for (let i = 0; i < 5; i += 1) expectUnauthenticated(await env.request('GET', '/v1/orgs', undefined, { headers: { authorization: '' } }), 'missing');
    expect((await env.request('GET', '/v1/orgs')).status).toBe(200);

    const logs = env.logs();
    expect(logs).toMatch(/"reason":"unknown"/);
    expect(logs).toMatch(/"reason":"malformed"/);
    expect(logs).toMatch(/"reason":"rate_limited"/);
    expect(logs).toContain('"route":"GET /v1/orgs/{org}/connections"');
    expect(logs).toContain('"address":"127.0.0.1"');
    for (const canary of [...canaries, 'canary-fourth-try-5b8e', env.server.adminKey]) expect(logs.includes(canary), canary).toBe(false);
  });

  it('without SWITCHBOARD_TRUSTED_PROXIES X-Forwarded-For is ignored: every client named in it shares the socket’s budget', async () => {
    const url = `${env.server.url}/v1/orgs/dev/connections`;
    for (const client of ['198.51.100.41', '198.51.100.42', '198.51.100.43']) {
      expect((await getFrom(PROXY, url, { authorization: 'Bearer wrong', 'x-forwarded-for': client })).status).toBe(401);
    }
    expect((await getFrom(PROXY, url, { authorization: 'Bearer wrong', 'x-forwarded-for': '198.51.100.44' })).status).toBe(429);
    expect(env.logs()).toContain('"address":"127.0.0.2"');
    expect(env.logs()).not.toContain('198.51.100.4');
  });

  it('a 429 to a session widget is readable from an origin the org’s sessions list (Retry-After exposed), from no other', async () => {
    clock.advance(61);
    const app = 'https://app.example.com';
    const { key } = await env.orgKey('dev');
    const minted = await env.request('POST', '/v1/orgs/dev/sessions', { allowedOrigins: [app] }, { headers: bearer(key) });
    expect(minted.status, minted.text).toBe(201);
    const url = `${env.server.url}/v1/orgs/dev/connections/acme`;
    for (let i = 0; i < 3; i += 1) expect((await getFrom(PROXY, url, { authorization: 'Bearer wrong', origin: app })).status).toBe(401);
    const limited = await getFrom(PROXY, url, { authorization: 'Bearer wrong', origin: app });
    expect(limited.status).toBe(429);
    expect(limited.headers['access-control-allow-origin']).toBe(app);
    expect(limited.headers['access-control-expose-headers']).toMatch(/\bRetry-After\b/i);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const evil = await getFrom(PROXY, url, { authorization: 'Bearer wrong', origin: 'https://evil.example.net' });
    expect(evil.status).toBe(429);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    // Not on routes a session may not use.
    const other = await getFrom(PROXY, `${env.server.url}/v1/orgs/dev/connections`, { authorization: 'Bearer wrong', origin: app });
    expect(other.status).toBe(429);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lastUsedAt moves at most about once a minute per key', async () => {
    const { key, id } = await env.orgKey('dev');
    const lastUsed = async () =>
      (await env.request<{ items: Array<{ id: string; lastUsedAt: string | null }> }>('GET', '/v1/orgs/dev/keys')).body.items.find((k) => k.id === id)!.lastUsedAt;
    const use = async () => expect((await env.request('GET', '/v1/orgs/dev/connections', undefined, { headers: bearer(key) })).status).toBe(200);
    await use();
    const first = await lastUsed();
    expect(first).toBe(clock.now().toISOString());
    clock.advance(30);
    await use();
    expect(await lastUsed()).toBe(first);
    clock.advance(31);
    await use();
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });
});

describe.each(testDatabases())('client address behind a trusted reverse proxy on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;
  const path = '/v1/orgs/dev/connections';
  const guess = (from: string, forwardedFor?: string, extra: Record<string, string> = {}) =>
    getFrom(from, `${env.server.url}${path}`, { authorization: `Bearer wrong-key-${Math.random()}`, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }), ...extra });

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock, env: { SWITCHBOARD_AUTH_FAILURE_LIMIT: '3', SWITCHBOARD_TRUSTED_PROXIES: PROXY } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('two clients behind one trusted proxy have separate budgets; only what the proxy appended counts', async () => {
    clock.advance(61);
    // The client's own (leftmost) entries are ignored: the proxy appended the real peer on the right.
    for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) expect((await guess(PROXY, `${spoofed}, 198.51.100.7`)).status).toBe(401);
    expect((await guess(PROXY, '198.51.100.7')).status).toBe(429);
    expect((await guess(PROXY, '4.4.4.4, 198.51.100.7')).status).toBe(429);
    // Another client behind the same proxy, and the proxy's own requests, are not limited.
    expect((await guess(PROXY, '198.51.100.8')).status).toBe(401);
    expect((await guess(PROXY, '198.51.100.8, 127.0.0.2')).status).toBe(401); // a trusted hop is skipped
    expect((await guess(PROXY)).status).toBe(401);
    expect(env.logs()).toContain('"address":"198.51.100.7"');
    expect(env.logs()).toContain('"address":"198.51.100.8"');
  });

  it('a spoofed X-Forwarded-For from an untrusted socket is ignored: the socket address is the client', async () => {
    clock.advance(61);
    for (const spoofed of ['198.51.100.21', '198.51.100.22', '198.51.100.23']) expect((await guess(DIRECT, spoofed)).status).toBe(401);
    const limited = await guess(DIRECT, '198.51.100.24');
    expect(limited.status).toBe(429);
    expect(limited.text).not.toContain('198.51.100');
    expect(env.logs()).not.toContain('"address":"198.51.100.2');
    // The clients those headers named were never charged.
    expect((await guess(PROXY, '198.51.100.21')).status).toBe(401);
  });

  it('malformed entries are never used as the address: they count against the proxy, never crash', async () => {
    clock.advance(61);
    for (const garbage of ['unknown', 'not-an-ip, ', '999.1.1.1']) expect((await guess(PROXY, garbage)).status).toBe(401);
    // Fresh garbage buys no fresh budget: it was the proxy's own budget all along.
    expect((await guess(PROXY, '_obfuscated')).status).toBe(429);
    expect((await guess(PROXY, ' , ')).status).toBe(429);
    expect((await guess(PROXY, `198.51.100.30, ${'x'.repeat(4000)}`)).status).toBe(429);
    // A well-formed client behind the proxy still has its own.
    expect((await guess(PROXY, '198.51.100.31')).status).toBe(401);
    expect(env.logs()).not.toMatch(/"address":"(unknown|not-an-ip|999\.1\.1\.1|_obfuscated)"/);
  });
});
