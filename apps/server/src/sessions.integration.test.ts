import type { Problem } from '@switchboard/contracts';
import { manualClock } from '@switchboard/core';
import { completeConsentHeadlessly } from '@switchboard/demo';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * SDK sessions over a real socket, with the real demo authorization server: where a session token
 * works (the org's connector routes, listed connectors, listed origins, until expiry, while its
 * key lives), CORS for exactly those origins, and the callback page's postMessage target.
 */

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example.net';

/** The message and target origin of the callback page's `postMessage`, or undefined when it posts nothing. */
function postedMessage(html: string): { message: Record<string, unknown>; targetOrigin: unknown } | undefined {
  const match = /window\.opener\.postMessage\((\{.*\}), ("[^"\n]*")\)/.exec(html);
  return match ? { message: JSON.parse(match[1]!) as Record<string, unknown>, targetOrigin: JSON.parse(match[2]!) } : undefined;
}

/** The secret part of an org key (`sbo_<id>.<secret>`) or session token (`sbs_<org>.<id>.<secret>`): always the last. */
const secretOf = (credential: string): string => credential.slice(credential.lastIndexOf('.') + 1);

describe.each(testDatabases())('SDK sessions on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;
  let other: string;

  /** A request with the session token (no admin key) and, unless null, an Origin header. */
  const withSession = (token: string, method: string, path: string, options: { origin?: string | null; body?: unknown; headers?: Record<string, string> } = {}) =>
    env.request(method, path, options.body ?? (method === 'POST' ? {} : undefined), {
      headers: { authorization: `Bearer ${token}`, ...(options.origin === null ? {} : { origin: options.origin ?? APP }), ...options.headers },
    });

  const expectNoCors = (response: ApiResponse) => expect(response.headers.get('access-control-allow-origin')).toBeNull();

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock });
    await env.createAcmeConnector();
    other = await env.newConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('mints a session with an org key only: 201 {token, expiresAt}, 900 s by default, event recorded', async () => {
    const { key, id } = await env.orgKey('dev');
    const created = await env.request<{ token: string; expiresAt: string }>('POST', '/v1/orgs/dev/sessions', { allowedOrigins: [APP] }, { headers: { authorization: `Bearer ${key}` } });
    expect(created.status, created.text).toBe(201);
    // The token names its org (for the SDK), then the session id and the 256-bit secret.
    expect(created.body.token).toMatch(/^sbs_dev\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(new Date(created.body.expiresAt).getTime()).toBe(clock.now().getTime() + 900_000);
    const events = await env.server.store.events.list({ orgId: 'dev', type: 'session.created', limit: 10 });
    expect(events.some((e) => e.actor.kind === 'org_key' && e.actor.keyId === id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(secretOf(created.body.token));

    expectProblem(await env.request('POST', '/v1/orgs/dev/sessions', { allowedOrigins: [APP] }), 403, 'forbidden'); // the admin key
    expectProblem(await withSession(created.body.token, 'POST', '/v1/orgs/dev/sessions', { body: { allowedOrigins: [APP] } }), 403, 'forbidden');
    const bad: unknown[] = [
      {},
      { allowedOrigins: [] },
      { allowedOrigins: [`${APP}/`] },
      { allowedOrigins: [`${APP}/widget`] },
      { allowedOrigins: ['https://App.example.com'] },
      { allowedOrigins: ['ftp://app.example.com'] },
      { allowedOrigins: ['null'] },
      { allowedOrigins: [APP], connectors: ['Not An Api'] },
      { allowedOrigins: [APP], ttlSeconds: 3601 },
      { allowedOrigins: [APP], ttlSeconds: 1.5 },
      { allowedOrigins: [APP], extra: true },
    ];
    for (const body of bad) {
      const response = await env.request('POST', '/v1/orgs/dev/sessions', body, { headers: { authorization: `Bearer ${key}` } });
      expectProblem(response, 400, 'validation_failed');
    }
  });

  it('works on authorize, status, invoke and revoke for a listed connector from a listed origin; the callback posts to that origin only', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP, 'http://localhost:3000'], connectors: ['acme'] });
    const started = await withSession(token, 'POST', '/v1/orgs/dev/connections/acme/authorize');
    expect(started.status, started.text).toBe(200);
    expect(started.headers.get('access-control-allow-origin')).toBe(APP);
    expect(started.headers.get('vary')).toMatch(/Origin/i);

    const callback = await completeConsentHeadlessly((started.body as { authorizationUrl: string }).authorizationUrl, { username: 'alice', password: 'wonderland', decision: 'allow' });
    const page = await fetch(callback, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(postedMessage(html)).toEqual({ message: expect.objectContaining({ status: 'authorized', org: 'dev', connector: 'acme' }), targetOrigin: APP });
    expect(html).not.toContain("'*'");

    const status = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: 'http://localhost:3000' });
    expect(status.status).toBe(200);
    expect((status.body as { status: string }).status).toBe('authorized');
    expect(status.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');

    const invoked = await withSession(token, 'POST', '/v1/orgs/dev/invoke/acme.listcontacts');
    expect(invoked.status, invoked.text).toBe(200);
    expect(invoked.headers.get('access-control-allow-origin')).toBe(APP);

    // A problem answered to an allowed session carries the header too, so the widget can read it.
    const missingApi = await withSession(token, 'POST', '/v1/orgs/dev/invoke/acme.nosuchapi');
    expectProblem(missingApi, 404, 'not_found');
    expect(missingApi.headers.get('access-control-allow-origin')).toBe(APP);

    const revoked = await withSession(token, 'DELETE', '/v1/orgs/dev/connections/acme');
    expect(revoked.status, revoked.text).toBe(200);
    expect((await env.connection('dev')).status).toBe('not_authorized');

    const events = await env.server.store.events.list({ orgId: 'dev', limit: 100 });
    const bySession = events.filter((e) => e.actor.kind === 'session');
    expect(bySession.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(secretOf(token));
  });

  it('a session-started flow the user denies tells that widget (its origin only); the problem for API clients names no origin', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP], connectors: ['acme'] });
    const started = await withSession(token, 'POST', '/v1/orgs/dev/connections/acme/authorize');
    expect(started.status, started.text).toBe(200);
    const callback = await completeConsentHeadlessly((started.body as { authorizationUrl: string }).authorizationUrl, { username: 'alice', password: 'wonderland', decision: 'deny' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const page = await fetch(callback, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(400);
    expect(postedMessage(await page.text())).toEqual({
      message: { type: 'switchboard:authorization', status: 'failed', org: 'dev', connector: 'acme', code: 'authorization_denied' },
      targetOrigin: APP,
    });
    expect((await env.connection('dev')).status).toBe('not_authorized');

    // The same failure as a problem (non-HTML client): the opener origin is not a member of it.
    const again = await withSession(token, 'POST', '/v1/orgs/dev/connections/acme/authorize');
    const denied = await completeConsentHeadlessly((again.body as { authorizationUrl: string }).authorizationUrl, { username: 'alice', password: 'wonderland', decision: 'deny' });
    const problem = await fetch(denied, { headers: { accept: 'application/json' } });
    expect(problem.status).toBe(400);
    const text = await problem.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'authorization_denied', org: 'dev', connector: 'acme' });
    expect(text).not.toContain(APP);
    expect(text).not.toContain('app.example.com');
  });

  it('session responses expose Retry-After and WWW-Authenticate to the widget', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP], ttlSeconds: 60 });
    const ok = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme');
    expect(ok.status).toBe(200);
    const exposed = (response: ApiResponse) => (response.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    expect(exposed(ok)).toEqual(expect.arrayContaining(['retry-after', 'www-authenticate']));
    clock.advance(60);
    const expired = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme');
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.headers.get('access-control-allow-origin')).toBe(APP);
    expect(exposed(expired)).toContain('www-authenticate');
    // Nothing exposed where nothing is allowed.
    const evil = await withSession((await env.session('dev', { allowedOrigins: [APP] })).token, 'GET', '/v1/orgs/dev/connections/acme', { origin: EVIL });
    expect(evil.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('returnTo from a session stays a path on Switchboard: absolute URLs refused, any character redirected without a 500', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP], connectors: ['acme'] });
    for (const returnTo of [`${APP}/done`, `//${new URL(EVIL).host}/x`, '/\\evil.example', `${EVIL}`]) {
      expectProblem(await withSession(token, 'POST', '/v1/orgs/dev/connections/acme/authorize', { body: { returnTo } }), 400, 'validation_failed');
    }
    // Characters a header cannot carry as they are (beyond Latin-1, controls) are percent-encoded.
    const started = await withSession(token, 'POST', '/v1/orgs/dev/connections/acme/authorize', { body: { returnTo: '/done/接続?x=é\u0001#frag' } });
    expect(started.status, started.text).toBe(200);
    const callback = await completeConsentHeadlessly((started.body as { authorizationUrl: string }).authorizationUrl, { username: 'alice', password: 'wonderland', decision: 'allow' });
    const redirect = await fetch(callback, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(redirect.status, await redirect.text()).toBe(303);
    const location = redirect.headers.get('location')!;
    expect(location).toBe('/done/%E6%8E%A5%E7%B6%9A?x=%C3%A9%01#frag');
    // Still a path on Switchboard's origin once a browser resolves it.
    expect(new URL(location, env.server.publicUrl).origin).toBe(new URL(env.server.publicUrl).origin);
    expect((await env.connection('dev')).status).toBe('authorized');
    expect((await withSession(token, 'DELETE', '/v1/orgs/dev/connections/acme')).status).toBe(200);
  });

  it('an admin-started flow posts to Switchboard’s own origin; a failed callback with an unknown state never to another', async () => {
    const { callback } = await env.consent('dev');
    const html = await (await fetch(callback, { headers: { accept: 'text/html' } })).text();
    expect(postedMessage(html)?.targetOrigin).toBe(new URL(env.server.publicUrl).origin);

    const failed = await fetch(`${env.server.url}/v1/oauth/callback?state=${'x'.repeat(43)}&code=abc`, { headers: { accept: 'text/html', origin: EVIL } });
    expect(failed.status).toBe(400);
    const failedHtml = await failed.text();
    expect(postedMessage(failedHtml)?.targetOrigin).toBe(new URL(env.server.publicUrl).origin);
    expect(failedHtml).not.toContain(EVIL);
    expectNoCors({ status: failed.status, headers: failed.headers, body: null, text: '' });
  });

  it('refuses an unlisted origin (403 origin_not_allowed, no CORS header), and a missing Origin unless same-origin and listed', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP] });
    const evil = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: EVIL });
    expectProblem(evil, 403, 'origin_not_allowed');
    expectNoCors(evil);
    // Origins compare exactly: another port or scheme is another origin.
    expectProblem(await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: 'https://app.example.com:8443' }), 403, 'origin_not_allowed');
    expectProblem(await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: 'http://app.example.com' }), 403, 'origin_not_allowed');
    expectProblem(await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: null }), 403, 'origin_not_allowed');

    const ownOrigin = new URL(env.server.publicUrl).origin;
    const sameOrigin = await env.session('dev', { allowedOrigins: [ownOrigin] });
    const fromConsole = await withSession(sameOrigin.token, 'GET', '/v1/orgs/dev/connections/acme', { origin: null, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(fromConsole.status, fromConsole.text).toBe(200);
    expectNoCors(fromConsole);
    expectProblem(await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: null, headers: { 'sec-fetch-site': 'same-origin' } }), 403, 'origin_not_allowed');
  });

  it('refuses an unlisted connector the same way whether it exists or not', async () => {
    const { token } = await env.session('dev', { connectors: ['acme'] });
    for (const path of [`/v1/orgs/dev/connections/${other}`, '/v1/orgs/dev/connections/nosuch']) {
      expectProblem(await withSession(token, 'GET', path), 403, 'forbidden');
      expectProblem(await withSession(token, 'DELETE', path), 403, 'forbidden');
      expectProblem(await withSession(token, 'POST', `${path}/authorize`), 403, 'forbidden');
    }
    const a = await withSession(token, 'POST', `/v1/orgs/dev/invoke/${other}.listcontacts`);
    const b = await withSession(token, 'POST', '/v1/orgs/dev/invoke/nosuch.listcontacts');
    expectProblem(a, 403, 'forbidden');
    expectProblem(b, 403, 'forbidden');
    expect((a.body as Problem).detail).toBe((b.body as Problem).detail);
    // Without a connector list, every connector of the org.
    const all = await env.session('dev');
    expect((await withSession(all.token, 'GET', `/v1/orgs/dev/connections/${other}`)).status).toBe(200);
  });

  it('is refused on routes other than the connector routes, and on another org', async () => {
    const { token } = await env.session('dev');
    const org = await env.newOrg();
    for (const [method, path] of [
      ['GET', '/v1/orgs/dev/connections'],
      ['GET', '/v1/orgs/dev/events'],
      ['POST', '/v1/orgs/dev/sessions'],
      ['GET', '/v1/orgs/dev/keys'],
      ['POST', '/v1/orgs/dev/keys'],
      ['GET', '/v1/connectors'],
      ['GET', '/v1/orgs'],
      ['POST', '/v1/connectors'],
    ] as const) {
      expectProblem(await withSession(token, method, path, { body: method === 'POST' ? { allowedOrigins: [APP], name: 'x' } : undefined }), 403, 'forbidden');
    }
    for (const path of [`/v1/orgs/${org}/connections/acme`, '/v1/orgs/no-such-org-2/connections/acme']) {
      const response = await withSession(token, 'GET', path);
      const problem = expectProblem(response, 404, 'not_found');
      expect(problem.detail).toMatch(/^Org '.*' does not exist\.$/);
    }
  });

  it('is refused (401, like a wrong secret) when its org part names another org, existing or not', async () => {
    const org = await env.newOrg({ connectors: ['acme'] });
    const { token } = await env.session('dev', { allowedOrigins: [APP], ttlSeconds: 60 });
    expect(token.startsWith('sbs_dev.')).toBe(true);
    const rest = token.slice('sbs_dev.'.length);
    const wrongSecret = `sbs_dev.${rest.slice(0, rest.indexOf('.'))}.${'A'.repeat(43)}`;
    const answer = (response: ApiResponse) => ({
      status: response.status,
      body: { ...(response.body as Problem), instance: undefined },
      cors: response.headers.get('access-control-allow-origin'),
      challenge: response.headers.get('www-authenticate'),
    });
    const logged = (from: number) => env.logs().slice(from);

    for (const forged of [`sbs_${org}.${rest}`, `sbs_no-such-org-3.${rest}`]) {
      for (const path of ['/v1/orgs/dev/connections/acme', `/v1/orgs/${org}/connections/acme`, `/v1/orgs/${org}/invoke/acme.listcontacts`]) {
        const method = path.includes('/invoke/') ? 'POST' : 'GET';
        const before = env.logs().length;
        const refused = await withSession(forged, method, path);
        expectProblem(refused, 401, 'unauthenticated');
        // Exactly the answer to a wrong secret: nothing tells that the id and secret were right,
        // or which org the session belongs to (and no CORS header lets the page read even that).
        expect(answer(refused)).toEqual(answer(await withSession(wrongSecret, method, path)));
        expectNoCors(refused);
        expect(logged(before)).toMatch(/"reason":"unknown"/);
        expect(logged(before)).not.toContain(secretOf(token));
      }
    }
    // The edit changed nothing: the real token still works, on its own org only.
    expect((await withSession(token, 'GET', '/v1/orgs/dev/connections/acme')).status).toBe(200);
    expectProblem(await withSession(token, 'GET', `/v1/orgs/${org}/connections/acme`), 404, 'not_found');

    // Once expired, the real token's 401 is readable from its origin (so the widget can renew);
    // the forged one's still is not, and says nothing about expiry.
    clock.advance(60);
    const expired = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme');
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.headers.get('access-control-allow-origin')).toBe(APP);
    const forgedExpired = await withSession(`sbs_${org}.${rest}`, 'GET', `/v1/orgs/${org}/connections/acme`);
    expect(answer(forgedExpired)).toEqual(answer(await withSession(wrongSecret, 'GET', `/v1/orgs/${org}/connections/acme`)));
    expectNoCors(forgedExpired);
  });

  it('refuses a token with a malformed org part as malformed (401), and one in the old org-less shape', async () => {
    const { token } = await env.session('dev', { allowedOrigins: [APP] });
    const rest = token.slice('sbs_dev.'.length);
    for (const malformed of [`sbs_DEV.${rest}`, `sbs_d.${rest}`, `sbs_dev.x.${rest}`, `sbs_.${rest}`, `sbs_${rest}`, `sbs_dev%2Ex.${rest}`]) {
      const before = env.logs().length;
      const refused = await withSession(malformed, 'GET', '/v1/orgs/dev/connections/acme');
      expectProblem(refused, 401, 'unauthenticated');
      expectNoCors(refused);
      expect(env.logs().slice(before), malformed).toMatch(/"reason":"malformed"/);
    }
    expect((await withSession(token, 'GET', '/v1/orgs/dev/connections/acme')).status).toBe(200);
  });

  it('is refused after it expires (401), even from its origin', async () => {
    const { token, expiresAt } = await env.session('dev', { ttlSeconds: 60 });
    expect((await withSession(token, 'GET', '/v1/orgs/dev/connections/acme')).status).toBe(200);
    clock.advance(59);
    expect((await withSession(token, 'GET', '/v1/orgs/dev/connections/acme')).status).toBe(200);
    clock.advance(1);
    expect(clock.now().toISOString()).toBe(expiresAt);
    const expired = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme');
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('ends when the org key that minted it is revoked', async () => {
    const { key, id } = await env.orgKey('dev');
    const { token } = await env.session('dev', { key });
    expect((await withSession(token, 'GET', '/v1/orgs/dev/connections/acme')).status).toBe(200);
    expect((await env.request('DELETE', `/v1/orgs/dev/keys/${id}`)).status).toBe(204);
    const after = await withSession(token, 'GET', '/v1/orgs/dev/connections/acme');
    expectProblem(after, 401, 'unauthenticated');
    expectNoCors(after);
  });

  it('answers CORS preflights only for origins of the org’s unexpired sessions, only on connector routes', async () => {
    const org = await env.newOrg();
    const preflight = (path: string, origin: string) =>
      fetch(`${env.server.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const path = `/v1/orgs/${org}/connections/acme/authorize`;
    expect((await preflight(path, APP)).headers.get('access-control-allow-origin')).toBeNull();

    await env.session(org, { allowedOrigins: [APP], ttlSeconds: 120 });
    const allowed = await preflight(path, APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(allowed.headers.get('vary')).toMatch(/Origin/i);
    expect((await preflight(`/v1/orgs/${org}/invoke/acme.listcontacts`, APP)).headers.get('access-control-allow-origin')).toBe(APP);

    expect((await preflight(path, EVIL)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(path.replace(org, 'dev'), 'https://only-in-org.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    for (const nonConnector of [`/v1/orgs/${org}/connections`, `/v1/orgs/${org}/keys`, `/v1/orgs/${org}/sessions`]) {
      expect((await preflight(nonConnector, APP)).headers.get('access-control-allow-origin'), nonConnector).toBeNull();
    }
    // Nothing else carries CORS headers: admin and org-key requests, even with an Origin.
    expectNoCors(await env.request('GET', `/v1/orgs/${org}/connections`, undefined, { headers: { origin: APP } }));
    const { key } = await env.orgKey(org);
    expectNoCors(await env.request('GET', `/v1/orgs/${org}/connections`, undefined, { headers: { origin: APP, authorization: `Bearer ${key}` } }));
    // Every answer on an org's routes says it depends on Origin (Fetch §3.2.5 / RFC 9110 §12.5.5),
    // with or without the CORS header, so no cache hands one origin's answer to another.
    for (const response of [
      await env.request('GET', `/v1/orgs/${org}/connections/acme`, undefined, { headers: { origin: APP, authorization: `Bearer ${key}` } }),
      await env.request('GET', `/v1/orgs/${org}/connections/acme`, undefined, { headers: { authorization: `Bearer ${key}` } }),
      await env.request('GET', `/v1/orgs/${org}/connections/acme`, undefined, { headers: { authorization: 'Bearer nope', origin: EVIL } }),
    ]) {
      expectNoCors(response);
      expect(response.headers.get('vary'), response.text).toMatch(/\bOrigin\b/i);
    }

    clock.advance(121);
    expect((await preflight(path, APP)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never shows a session token or key in logs or events', async () => {
    const { key } = await env.orgKey('dev');
    const { token } = await env.session('dev', { key });
    await withSession(token, 'GET', '/v1/orgs/dev/connections/acme', { origin: EVIL });
    const events = JSON.stringify(await env.server.store.events.list({ orgId: 'dev', limit: 500 }));
    for (const secret of [secretOf(key), secretOf(token)]) {
      expect(env.logs().includes(secret)).toBe(false);
      expect(events.includes(secret)).toBe(false);
    }
  });
});

// Two instances on one PostgreSQL schema (SQLite is one instance per file): nothing about keys
// or sessions is cached per instance, and the lastUsedAt throttle holds across them.
describe.each(testDatabases().filter((database) => database.name === 'postgres'))('keys and sessions across two instances on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock, instances: 2 });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('a key revoked on one instance, and the sessions it minted, fail at once on the other', async () => {
    const { key, id } = await env.orgKey('dev');
    const { token } = await env.session('dev', { key, allowedOrigins: [APP] });
    const onSecond = (credential: string) =>
      env.request('GET', '/v1/orgs/dev/connections/acme', undefined, { server: 1, headers: { authorization: `Bearer ${credential}`, origin: APP } });
    expect((await onSecond(key)).status).toBe(200);
    expect((await onSecond(token)).status).toBe(200);
    expect((await env.request('DELETE', `/v1/orgs/dev/keys/${id}`, undefined, { server: 0 })).status).toBe(204);
    expectProblem(await onSecond(key), 401, 'unauthenticated');
    expectProblem(await onSecond(token), 401, 'unauthenticated');
  });

  it('lastUsedAt: one write a minute per key, whichever instance serves the requests', async () => {
    const { key, id } = await env.orgKey('dev');
    const lastUsed = async () => (await env.server.store.orgKeys.get(id))?.lastUsedAt?.toISOString() ?? null;
    const use = async (server: number) =>
      expect((await env.request('GET', '/v1/orgs/dev/connections', undefined, { server, headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await use(0);
    const first = await lastUsed();
    expect(first).toBe(clock.now().toISOString());
    clock.advance(30);
    await use(1); // the other instance reads the recent lastUsedAt and does not write
    await use(0);
    expect(await lastUsed()).toBe(first);
    clock.advance(31);
    await use(1);
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });
});
