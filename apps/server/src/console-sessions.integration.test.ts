import { createHash } from 'node:crypto';
import type { AuditEventView, ConsoleSessionView, EventPage, Problem } from '@switchboard/contracts';
import { manualClock } from '@switchboard/core';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * Console sign-in over a real socket: a key exchanged for the `sb_console` cookie, which then acts
 * exactly as that key (the admin key everywhere; an org key on its org's routes only), with the
 * CSRF check on unsafe methods, the shared failed-authentication limit, and the ways a session
 * ends (sign-out, expiry, the org key's revocation, a new admin key). The keys never show again.
 */

const ADMIN_KEY = 'sbk_console-test-admin-key-4c1f9e27d6b3';
const EVIL = 'https://evil.example.net';
const APP = 'https://app.example.com';
/** Failed authentications per address a minute; each test starts with a fresh window. */
const FAILURE_LIMIT = 6;

interface CallOptions {
  readonly cookie?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send `X-Switchboard-CSRF: 1` (default true). */
  readonly csrf?: boolean;
}

/** The `name=value` pair of a Set-Cookie line, for the next request's Cookie header. */
const cookiePair = (setCookie: string): string => setCookie.split(';')[0]!;

/** The session id of a `name=<id>.<secret>` pair. */
const sessionIdOf = (pair: string): string => pair.slice(pair.indexOf('=') + 1).split('.')[0]!;

/** The Set-Cookie values that expire the plain-http console cookie at `/` and `/v1`. */
const EXPIRED_EVERYWHERE = ['sb_console=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0', 'sb_console=; HttpOnly; SameSite=Strict; Path=/v1; Max-Age=0'];

/** The server's log lines with this message. */
const logLines = (logs: string, msg: string): Array<Record<string, unknown>> =>
  logs
    .split('\n')
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe.each(testDatabases())('console sessions on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;
  let origin: string;
  /** Every response (headers and body) these tests saw, for the canary search. */
  const seen: string[] = [];

  /** A request with exactly these headers (no key unless given), over a real socket. */
  async function call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
      ...(options.csrf === false ? {} : { 'x-switchboard-csrf': '1' }),
      ...options.headers,
    };
    const response = await fetch(`${env.server.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      redirect: 'manual',
    });
    const text = await response.text();
    seen.push(JSON.stringify([...response.headers.entries()]), text);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  /** Sign in with `key`; returns the answer and the cookie to send back. */
  async function signIn(key: string, headers: Record<string, string> = {}): Promise<{ response: ApiResponse<ConsoleSessionView>; cookie: string }> {
    const response = await call<ConsoleSessionView>('POST', '/v1/console/session', { body: { key }, headers: { origin, ...headers } });
    expect(response.status, response.text).toBe(201);
    const setCookie = response.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    return { response, cookie: cookiePair(setCookie[0]!) };
  }

  const expectUnauthenticated = (response: ApiResponse) => {
    expectProblem(response, 401, 'unauthenticated');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock, env: { SWITCHBOARD_ADMIN_KEY: ADMIN_KEY, SWITCHBOARD_AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT) } });
    origin = new URL(env.server.publicUrl).origin;
    await env.createAcmeConnector();
  });

  beforeEach(() => {
    // A fresh failed-authentication window for every test.
    clock.advance(61);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('admin key → 201 {kind: admin}, an HttpOnly SameSite=Strict cookie for 12 h, no-store; the cookie then acts as the admin key', async () => {
    const { response, cookie } = await signIn(ADMIN_KEY);
    expect(response.body).toEqual({ kind: 'admin', expiresAt: new Date(clock.now().getTime() + 12 * 3600_000).toISOString() });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/^sb_console=[0-9a-f]{16}\.[A-Za-z0-9_-]{43}; /);
    const attributes = setCookie.split(';').slice(1).map((part) => part.trim());
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict']); // http: no Secure
    expect(response.headers.get('access-control-allow-origin')).toBeNull();

    const who = await call<ConsoleSessionView>('GET', '/v1/console/session', { cookie });
    expect(who.status, who.text).toBe(200);
    expect(who.body).toEqual(response.body);
    expect(who.headers.get('cache-control')).toBe('no-store');

    // Admin routes, reads and writes (with the CSRF header), exactly as with the key.
    const connectors = await call<{ items: Array<{ apiName: string }> }>('GET', '/v1/connectors', { cookie, csrf: false });
    expect(connectors.status, connectors.text).toBe(200);
    expect(connectors.body.items.map((c) => c.apiName)).toContain('acme');
    const org = `console-${Date.now().toString(36)}`;
    expect((await call('POST', '/v1/orgs', { cookie, body: { id: org, name: 'Console org' }, headers: { origin } })).status).toBe(201);
    const keyMade = await call<{ key: string }>('POST', `/v1/orgs/${org}/keys`, { cookie, body: { name: 'from the console' } });
    expect(keyMade.status, keyMade.text).toBe(201);

    // Stored: the secret's SHA-256 only.
    const [id, secret] = cookie.slice('sb_console='.length).split('.') as [string, string];
    const stored = await env.server.store.consoleSessions.get(id);
    expect(stored).toMatchObject({ id, kind: 'admin', secretHash: createHash('sha256').update(secret).digest('base64url') });
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('org key → 201 {kind: org, org, orgName}; the cookie may do what the org key may, on its org only', async () => {
    const org = await env.newOrg();
    const other = await env.newOrg();
    const { key, id: keyId } = await env.orgKey(org, 'subscriber admin');
    const { response, cookie } = await signIn(key);
    expect(response.body).toEqual({ kind: 'org', org, orgName: expect.stringMatching(/^Org \d+$/), expiresAt: expect.any(String) });
    expect((await call('GET', '/v1/console/session', { cookie })).body).toEqual(response.body);

    // Its org's routes: checklist, installations, events, authorize (recorded as the org key), SDK sessions.
    const checklist = await call<{ items: Array<{ connector: string }> }>('GET', `/v1/orgs/${org}/connections`, { cookie });
    expect(checklist.status, checklist.text).toBe(200);
    expect(checklist.body.items.map((item) => item.connector)).toEqual(['acme']);
    expect((await call('GET', `/v1/orgs/${org}/installations`, { cookie })).status).toBe(200);
    expect((await call('GET', `/v1/orgs/${org}/events`, { cookie })).status).toBe(200);
    const started = await call<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/acme/authorize`, { cookie, body: {} });
    expect(started.status, started.text).toBe(200);
    const events = await env.server.store.events.list({ orgId: org, type: 'authorization.started', limit: 5 });
    expect(events[0]?.actor).toEqual({ kind: 'org_key', keyId });
    const minted = await call('POST', `/v1/orgs/${org}/sessions`, { cookie, body: { allowedOrigins: [APP] } });
    expect(minted.status, minted.text).toBe(201);

    // Admin routes: 403, as for the key; nothing is created.
    for (const [method, path, body] of [
      ['GET', '/v1/connectors', undefined],
      ['GET', '/v1/orgs', undefined],
      ['POST', `/v1/orgs/${org}/keys`, { name: 'escalation' }],
      ['POST', `/v1/orgs/${org}/installations`, { solution: 'kit_1', release: '1.0.0' }],
      ['GET', '/v1/webhooks', undefined],
    ] as const) {
      expectProblem(await call(method, path, { cookie, body }), 403, 'forbidden');
    }
    const keys = await env.request<{ items: unknown[] }>('GET', `/v1/orgs/${org}/keys`);
    expect(keys.body.items).toHaveLength(1);

    // Another org: 404, exactly as for an org that does not exist.
    const foreign = expectProblem(await call('GET', `/v1/orgs/${other}/connections`, { cookie }), 404, 'not_found');
    const missing = expectProblem(await call('GET', '/v1/orgs/no-such-org-9/connections', { cookie }), 404, 'not_found');
    expect(foreign.detail?.replace(other, '<org>')).toBe(missing.detail?.replace('no-such-org-9', '<org>'));
    expectProblem(await call('POST', `/v1/orgs/${other}/connections/acme/authorize`, { cookie, body: {} }), 404, 'not_found');
  });

  it('sign-out deletes the session and clears the cookie; the old cookie is then refused like a bad key', async () => {
    const { cookie } = await signIn(ADMIN_KEY);
    const id = cookie.slice('sb_console='.length).split('.')[0]!;

    // Without the CSRF header another page could sign the console out: refused, still signed in.
    expectProblem(await call('DELETE', '/v1/console/session', { cookie, csrf: false }), 403, 'csrf_rejected');
    expect((await call('GET', '/v1/console/session', { cookie })).status).toBe(200);

    const out = await call('DELETE', '/v1/console/session', { cookie, headers: { origin } });
    expect(out.status).toBe(204);
    expect(out.headers.get('cache-control')).toBe('no-store');
    const cleared = out.headers.getSetCookie()[0]!;
    expect(cleared).toMatch(/^sb_console=; /);
    expect(cleared).toContain('Max-Age=0');
    expect(await env.server.store.consoleSessions.get(id)).toBeUndefined();

    // The stale cookie is refused and removed with the 401.
    for (const path of ['/v1/console/session', '/v1/connectors']) {
      const refused = await call('GET', path, { cookie });
      expectUnauthenticated(refused);
      expect(refused.headers.getSetCookie().map(cookiePair)).toEqual(['sb_console=']);
    }
    // Signing out again, or without a cookie, is a no-op.
    expect((await call('DELETE', '/v1/console/session', { cookie })).status).toBe(204);
    expect((await call('DELETE', '/v1/console/session')).status).toBe(204);
    // Not signed in at all: 401, not logged as a failure.
    expectUnauthenticated(await call('GET', '/v1/console/session'));
  });

  it('a wrong key → 401 unauthenticated, logged without the value and counted: the limit then answers 429, cookies included', async () => {
    const canaries = [
      'sbk_canary-wrong-admin-key-9e8d7c6b5a',
      `sbo_0123456789abcdef.${'K'.repeat(37)}canary`,
      'canary-not-a-key-at-all-31f2',
      'sbk_canary-second-wrong-admin-key-77aa',
      `sbo_fedcba9876543210.${'Q'.repeat(37)}canary`,
    ];
    // A session token is no console key either.
    const { token } = await env.session('dev');
    const { cookie } = await signIn(ADMIN_KEY);
    for (const key of [...canaries, token]) {
      const refused = await call('POST', '/v1/console/session', { body: { key }, headers: { origin } });
      expectUnauthenticated(refused);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    // Six failures: the window is full, for sign-in and for every credential from this address.
    const limited = await call('POST', '/v1/console/session', { body: { key: ADMIN_KEY }, headers: { origin } });
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectProblem(await call('GET', '/v1/console/session', { cookie }), 429, 'rate_limited');
    expectProblem(await call('GET', '/v1/connectors', { cookie }), 429, 'rate_limited');
    clock.advance(61);
    expect((await call('GET', '/v1/connectors', { cookie })).status).toBe(200);

    // An empty or malformed body is a 400, not a guess.
    expectProblem(await call('POST', '/v1/console/session', { body: {}, headers: { origin } }), 400, 'validation_failed');
    expectProblem(await call('POST', '/v1/console/session', { body: { key: ADMIN_KEY, extra: 1 }, headers: { origin } }), 400, 'validation_failed');

    const logs = env.logs();
    expect(logs).toContain('"route":"POST /v1/console/session"');
    expect(logs).toMatch(/"route":"POST \/v1\/console\/session","reason":"(malformed|unknown)"/);
    for (const canary of [...canaries, token, ADMIN_KEY]) expect(logs.includes(canary), canary).toBe(false);
  });

  it('a refused console cookie is no guess: never counted against the limit, while wrong Bearer values still are', async () => {
    const signedOut = (await signIn(ADMIN_KEY)).cookie;
    expect((await call('DELETE', '/v1/console/session', { cookie: signedOut })).status).toBe(204);
    const refused = [signedOut, `sb_console=0123456789abcdef.${'Z'.repeat(43)}`, 'sb_console=canary-cookie-garbage'];
    // Far more than the limit, the way pages of a console signed out in another tab would send them.
    for (let round = 0; round < 3 * FAILURE_LIMIT; round += 1) {
      for (const cookie of refused) {
        const [method, path, body] = round % 3 === 0 ? ['GET', '/v1/console/session'] : round % 3 === 1 ? ['GET', '/v1/orgs'] : ['POST', '/v1/solutions', { apiName: 'never_made', name: 'x' }];
        const answer = await call(method, path, { cookie, body, headers: { origin } });
        expectUnauthenticated(answer);
        expect(answer.headers.getSetCookie()).toEqual([EXPIRED_EVERYWHERE[0]]);
      }
    }
    // The address's budget is untouched: the admin's key and a console sign-in still work.
    expect((await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(200);
    const { cookie } = await signIn(ADMIN_KEY);
    expect((await call('GET', '/v1/orgs', { cookie })).status).toBe(200);
    expect(env.logs()).toMatch(/"reason":"(malformed|unknown)","credential":"console_cookie"/);
    expect(env.logs()).not.toContain('canary-cookie-garbage');

    // Malformed and unknown Bearer values are guesses, as before: the window fills.
    for (let i = 0; i < FAILURE_LIMIT; i += 1) {
      expectUnauthenticated(await call('GET', '/v1/orgs', { headers: { authorization: `Bearer sbk_not-the-admin-key-${i}` } }));
    }
    expectProblem(await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${ADMIN_KEY}` } }), 429, 'rate_limited');
  });

  it('several console cookies (another app on this host planted its own): 401, none is used, both paths expired, nothing counted', async () => {
    const victimOrg = await env.newOrg();
    const attackerOrg = await env.newOrg();
    const victim = await signIn((await env.orgKey(victimOrg)).key);
    const attacker = await signIn((await env.orgKey(attackerOrg)).key);
    // The planted one first, as browsers order a more specific path (`Path=/v1`); and the other way.
    for (const cookie of [`${attacker.cookie}; ${victim.cookie}`, `${victim.cookie}; ${attacker.cookie}`, `${victim.cookie}; ${victim.cookie}`]) {
      for (let i = 0; i < FAILURE_LIMIT; i += 1) {
        for (const [method, path, body] of [
          ['GET', `/v1/orgs/${attackerOrg}/connections`, undefined],
          ['GET', `/v1/orgs/${victimOrg}/connections`, undefined],
          ['POST', `/v1/orgs/${attackerOrg}/connections/acme/authorize`, {}],
          ['GET', '/v1/console/session', undefined],
        ] as const) {
          const refused = await call(method, path, { cookie, body, headers: { origin } });
          const problem = expectProblem(refused, 401, 'unauthenticated');
          expect(problem.detail).toMatch(/several console cookies/i);
          expect(problem.detail).toMatch(/sign in/i);
          expect(refused.headers.getSetCookie()).toEqual(EXPIRED_EVERYWHERE);
        }
      }
    }
    // Nothing was done in either org, and the address may still authenticate.
    for (const org of [victimOrg, attackerOrg]) expect(await env.server.store.events.list({ orgId: org, type: 'authorization.started', limit: 5 })).toEqual([]);
    expect((await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(200);
    expect(env.logs()).toContain('"reason":"several_cookies"');
    // Each cookie alone still acts as its own key.
    expect((await call('GET', `/v1/orgs/${victimOrg}/connections`, { cookie: victim.cookie })).status).toBe(200);
    expect((await call('GET', `/v1/orgs/${attackerOrg}/connections`, { cookie: attacker.cookie })).status).toBe(200);

    // Signing in with several: every presented session ends; the new cookie, and `/v1` expired.
    const again = await call<ConsoleSessionView>('POST', '/v1/console/session', { cookie: `${attacker.cookie}; ${victim.cookie}`, body: { key: ADMIN_KEY }, headers: { origin } });
    expect(again.status, again.text).toBe(201);
    const [expiredV1, fresh] = again.headers.getSetCookie();
    expect(expiredV1).toBe(EXPIRED_EVERYWHERE[1]);
    expect(fresh).toMatch(/^sb_console=[0-9a-f]{16}\.[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    for (const pair of [victim.cookie, attacker.cookie]) expect(await env.server.store.consoleSessions.get(sessionIdOf(pair))).toBeUndefined();

    // Signing out with several: each ends, both paths expired.
    const one = await signIn(ADMIN_KEY);
    const two = await signIn(ADMIN_KEY);
    const out = await call('DELETE', '/v1/console/session', { cookie: `${one.cookie}; ${two.cookie}`, headers: { origin } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual(EXPIRED_EVERYWHERE);
    for (const pair of [one.cookie, two.cookie]) expect(await env.server.store.consoleSessions.get(sessionIdOf(pair))).toBeUndefined();
  });

  it('signing in again ends the session the browser held; sign-in and sign-out are logged at info with the session id', async () => {
    const first = await signIn(ADMIN_KEY);
    const firstId = sessionIdOf(first.cookie);
    // A failed sign-in leaves the held session alone.
    expectUnauthenticated(await call('POST', '/v1/console/session', { cookie: first.cookie, body: { key: 'sbk_wrong-key-0000000000000' }, headers: { origin } }));
    expect((await call('GET', '/v1/orgs', { cookie: first.cookie })).status).toBe(200);

    const org = await env.newOrg();
    const second = await signIn((await env.orgKey(org)).key, { cookie: first.cookie });
    const secondId = sessionIdOf(second.cookie);
    expect(await env.server.store.consoleSessions.get(firstId)).toBeUndefined();
    expectUnauthenticated(await call('GET', '/v1/orgs', { cookie: first.cookie }));
    expect((await call('GET', `/v1/orgs/${org}/connections`, { cookie: second.cookie })).status).toBe(200);

    expect((await call('DELETE', '/v1/console/session', { cookie: second.cookie, headers: { origin } })).status).toBe(204);
    const logs = env.logs();
    const signedIn = logLines(logs, 'console signed in');
    expect(signedIn.find((line) => line['consoleSessionId'] === firstId)).toMatchObject({ level: 30, kind: 'admin' });
    expect(signedIn.find((line) => line['consoleSessionId'] === secondId)).toMatchObject({ level: 30, kind: 'org', org, replacedConsoleSessionIds: [firstId] });
    expect(logLines(logs, 'console signed out').find((line) => line['consoleSessionId'] === secondId)).toMatchObject({ level: 30 });
    for (const pair of [first.cookie, second.cookie]) expect(logs).not.toContain(pair.split('.')[1]!);
  });

  describe('audit events and key use', () => {
    const bearer = { authorization: `Bearer ${ADMIN_KEY}` };

    /** The org's audit events (newest first), read through the API as the admin; the raw JSON too. */
    async function orgEvents(org: string, type?: string): Promise<{ items: AuditEventView[]; json: string }> {
      const page = await call<EventPage>('GET', `/v1/orgs/${org}/events?limit=200${type ? `&type=${type}` : ''}`, { headers: bearer });
      expect(page.status, page.text).toBe(200);
      return { items: page.body.items, json: page.text };
    }

    async function lastUsedAt(org: string, keyId: string): Promise<string | null | undefined> {
      const keys = await call<{ items: Array<{ id: string; lastUsedAt: string | null }> }>('GET', `/v1/orgs/${org}/keys`, { headers: bearer });
      expect(keys.status, keys.text).toBe(200);
      return keys.body.items.find((item) => item.id === keyId)?.lastUsedAt;
    }

    /** The expected event of an org key's console session. */
    const consoleEvent = (type: 'console.signed_in' | 'console.signed_out', keyId: string, consoleSessionId: string) =>
      expect.objectContaining({ type, connector: null, actor: { kind: 'org_key', keyId }, data: { consoleSessionId, keyId } });

    it('an org key’s sign-in and sign-out are events of its org naming the key, with ids only; sign-in sets the key’s lastUsedAt', async () => {
      const org = await env.newOrg();
      const { key, id: keyId } = await env.orgKey(org, 'subscriber admin');
      expect(await lastUsedAt(org, keyId)).toBeNull();
      expect((await orgEvents(org, 'console.signed_in')).items).toEqual([]);

      const { cookie } = await signIn(key);
      const consoleSessionId = sessionIdOf(cookie);
      expect(await lastUsedAt(org, keyId)).toBe(clock.now().toISOString());
      const signedIn = await orgEvents(org, 'console.signed_in');
      expect(signedIn.items).toEqual([consoleEvent('console.signed_in', keyId, consoleSessionId)]);
      expect(signedIn.items[0]!.at).toBe(clock.now().toISOString());
      expect((await orgEvents(org, 'console.signed_out')).items).toEqual([]);

      // Console use is not a sign-in: no further events.
      expect((await call('GET', `/v1/orgs/${org}/connections`, { cookie })).status).toBe(200);
      expect((await call('GET', '/v1/console/session', { cookie })).status).toBe(200);
      expect((await orgEvents(org, 'console.signed_in')).items).toHaveLength(1);

      // lastUsedAt moves at most once a minute, as for Bearer use of the key.
      const firstUse = await lastUsedAt(org, keyId);
      clock.advance(30);
      const again = await signIn(key);
      expect(await lastUsedAt(org, keyId)).toBe(firstUse);
      clock.advance(31);
      const third = await signIn(key);
      expect(await lastUsedAt(org, keyId)).toBe(clock.now().toISOString());
      expect((await orgEvents(org, 'console.signed_in')).items).toEqual([
        consoleEvent('console.signed_in', keyId, sessionIdOf(third.cookie)),
        consoleEvent('console.signed_in', keyId, sessionIdOf(again.cookie)),
        consoleEvent('console.signed_in', keyId, consoleSessionId),
      ]);

      // Sign-out: one event; signing out again (the row is gone) records nothing more.
      expect((await call('DELETE', '/v1/console/session', { cookie, headers: { origin } })).status).toBe(204);
      expect((await orgEvents(org, 'console.signed_out')).items).toEqual([consoleEvent('console.signed_out', keyId, consoleSessionId)]);
      expect((await call('DELETE', '/v1/console/session', { cookie, headers: { origin } })).status).toBe(204);
      expect((await orgEvents(org, 'console.signed_out')).items).toHaveLength(1);

      // Ids only: neither the key's secret nor a cookie's secret is anywhere in the org's events.
      const { json } = await orgEvents(org);
      for (const secret of [key, key.split('.')[1]!, ...[cookie, again.cookie, third.cookie].map((pair) => pair.split('.')[1]!)]) expect(json.includes(secret)).toBe(false);
      expect(json).not.toContain('sb_console');
    });

    it('admin sign-in and sign-out record no org event; several cookies signed out record one event per live org session', async () => {
      const orgA = await env.newOrg();
      const orgB = await env.newOrg();
      const keyA = await env.orgKey(orgA);
      const keyB = await env.orgKey(orgB);
      const admin = await signIn(ADMIN_KEY);
      expect((await call('DELETE', '/v1/console/session', { cookie: admin.cookie, headers: { origin } })).status).toBe(204);
      const adminId = sessionIdOf(admin.cookie);
      const orgs = await call<{ items: Array<{ id: string }> }>('GET', '/v1/orgs', { headers: bearer });
      expect(orgs.body.items.length).toBeGreaterThan(1);
      for (const { id } of orgs.body.items) {
        const { items, json } = await orgEvents(id);
        expect(json.includes(adminId), id).toBe(false);
        expect(items.filter((event) => event.actor.kind === 'admin' && event.type.startsWith('console.'))).toEqual([]);
      }

      // Two org sessions and an admin one in one sign-out: one console.signed_out per org session.
      const a = await signIn(keyA.key);
      const b = await signIn(keyB.key);
      const c = await signIn(ADMIN_KEY);
      const out = await call('DELETE', '/v1/console/session', { cookie: `${a.cookie}; ${b.cookie}; ${c.cookie}`, headers: { origin } });
      expect(out.status).toBe(204);
      expect((await orgEvents(orgA, 'console.signed_out')).items).toEqual([consoleEvent('console.signed_out', keyA.id, sessionIdOf(a.cookie))]);
      expect((await orgEvents(orgB, 'console.signed_out')).items).toEqual([consoleEvent('console.signed_out', keyB.id, sessionIdOf(b.cookie))]);
    });

    it('signing in again over an org session records its sign-out; expiry and the key’s revocation record none', async () => {
      const org = await env.newOrg();
      const { key, id: keyId } = await env.orgKey(org);

      // The browser held an org session and signs in as the admin: the org session ended.
      const held = await signIn(key);
      await signIn(ADMIN_KEY, { cookie: held.cookie });
      expect((await orgEvents(org, 'console.signed_out')).items).toEqual([consoleEvent('console.signed_out', keyId, sessionIdOf(held.cookie))]);

      // An expired session had already ended: signing out only clears it away.
      const expired = await signIn(key);
      clock.advance(12 * 3600);
      expect((await call('DELETE', '/v1/console/session', { cookie: expired.cookie, headers: { origin } })).status).toBe(204);
      expect(await env.server.store.consoleSessions.get(sessionIdOf(expired.cookie))).toBeUndefined();
      expect((await orgEvents(org, 'console.signed_out')).items).toHaveLength(1);

      // Revoking the key deletes its sessions: key.revoked says so, no console.signed_out.
      const live = await signIn(key);
      expect((await call('DELETE', `/v1/orgs/${org}/keys/${keyId}`, { headers: bearer })).status).toBe(204);
      expect(await env.server.store.consoleSessions.get(sessionIdOf(live.cookie))).toBeUndefined();
      expect((await orgEvents(org, 'console.signed_out')).items).toHaveLength(1);
      expect((await orgEvents(org, 'key.revoked')).items).toHaveLength(1);
      // (`held` and `expired` opened at the same instant: their order between them is the ids'.)
      const signedIn = (await orgEvents(org, 'console.signed_in')).items.map((event) => event.data['consoleSessionId']);
      expect(signedIn.sort()).toEqual([live, expired, held].map((s) => sessionIdOf(s.cookie)).sort());
    });
  });

  it('authenticated answers are no-store unless the route chooses (logos: private); JSON answers are nosniff', async () => {
    const org = await env.newOrg(); // installs a published version of acme
    const { cookie } = await signIn(ADMIN_KEY);
    const bearer = { authorization: `Bearer ${ADMIN_KEY}` };
    for (const answer of [
      await call('GET', '/v1/connectors', { headers: bearer }),
      await call('GET', '/v1/connectors', { cookie }),
      await call('GET', '/v1/connectors/acme/versions', { cookie }),
      await call('GET', `/v1/orgs/${org}/connections`, { cookie }),
      await call('GET', `/v1/orgs/${org}/installations`, { headers: bearer }),
      await call('POST', '/v1/solutions', { cookie, body: { apiName: 'cache_probe', name: 'Cache probe' }, headers: { origin } }),
      await call('GET', '/v1/connectors/no_such_connector', { cookie }), // a problem
    ]) {
      expect(answer.headers.get('cache-control'), answer.text).toBe('no-store');
      expect(answer.headers.get('x-content-type-options'), answer.text).toBe('nosniff');
    }
    const deleted = await call('DELETE', '/v1/solutions/cache_probe', { cookie });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('cache-control')).toBe('no-store');
    // Public JSON: nosniff, and no cache policy imposed.
    for (const path of ['/health', '/v1/openapi.json']) {
      const answer = await call('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cache-control')).toBeNull();
    }
    // Logos behind a credential keep their own policy, never `public`.
    const versions = await call<{ items: Array<{ version: number }> }>('GET', '/v1/connectors/acme/versions', { cookie });
    const version = versions.body.items[0]!.version;
    const versionLogo = await call('GET', `/v1/connectors/acme/versions/${version}/logo`, { cookie });
    expect(versionLogo.status).toBe(200);
    expect(versionLogo.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const orgLogo = await call('GET', `/v1/orgs/${org}/connections/acme/logo`, { headers: bearer });
    expect(orgLogo.status).toBe(200);
    expect(orgLogo.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('CSRF: a cookie request that changes something needs X-Switchboard-CSRF: 1 and, when Origin is sent, Switchboard’s own origin', async () => {
    const { cookie } = await signIn(ADMIN_KEY);
    const body = { apiName: 'csrf_probe', name: 'CSRF probe' };
    expectProblem(await call('POST', '/v1/solutions', { cookie, body, csrf: false }), 403, 'csrf_rejected');
    expectProblem(await call('POST', '/v1/solutions', { cookie, body, csrf: false, headers: { origin } }), 403, 'csrf_rejected');
    expectProblem(await call('POST', '/v1/solutions', { cookie, body, headers: { 'x-switchboard-csrf': 'true' } }), 403, 'csrf_rejected');
    expectProblem(await call('POST', '/v1/solutions', { cookie, body, headers: { origin: EVIL } }), 403, 'csrf_rejected');
    expectProblem(await call('POST', '/v1/solutions', { cookie, body, headers: { origin: 'null' } }), 403, 'csrf_rejected');
    expectProblem(await call('PATCH', '/v1/connectors/acme', { cookie, body: { description: 'x' }, headers: { origin: EVIL } }), 403, 'csrf_rejected');
    expectProblem(await call('DELETE', '/v1/connectors/acme', { cookie, csrf: false }), 403, 'csrf_rejected');
    expectProblem(await call('PUT', '/v1/connectors/acme/credentials', { cookie, body: { clientId: 'x', clientSecret: 'y' }, csrf: false }), 403, 'csrf_rejected');
    // Nothing changed.
    expectProblem(await env.request('GET', '/v1/solutions/csrf_probe'), 404, 'not_found');
    expect((await env.request<{ description: string }>('GET', '/v1/connectors/acme')).body.description).not.toBe('x');
    // Reads need no header; with it and the right (or no) Origin, writes go through.
    expect((await call('GET', '/v1/solutions', { cookie, csrf: false, headers: { origin: EVIL } })).status).toBe(200);
    expect((await call('POST', '/v1/solutions', { cookie, body, headers: { origin } })).status).toBe(201);
    expect((await call('DELETE', '/v1/solutions/csrf_probe', { cookie })).status).toBe(204);
    expect(env.logs()).toContain('"reason":"csrf_rejected"');

    // Bearer requests carry no ambient credential: not checked.
    const bearer = await call('POST', '/v1/solutions', { body, csrf: false, headers: { authorization: `Bearer ${ADMIN_KEY}`, origin: EVIL } });
    expect(bearer.status, bearer.text).toBe(201);

    // A page of another origin cannot sign its visitor in under its own key.
    expectProblem(await call('POST', '/v1/console/session', { body: { key: ADMIN_KEY }, headers: { origin: EVIL } }), 403, 'csrf_rejected');
  });

  it('a refused Origin names the expected origin and says to set SWITCHBOARD_PUBLIC_URL', async () => {
    const { cookie } = await signIn(ADMIN_KEY);
    // The usual cause: the console opened through another address than the public URL.
    const elsewhere = origin.replace('127.0.0.1', 'localhost');
    for (const refused of [
      await call('POST', '/v1/console/session', { body: { key: ADMIN_KEY }, headers: { origin: elsewhere } }),
      await call('POST', '/v1/solutions', { cookie, body: { apiName: 'origin_probe', name: 'x' }, headers: { origin: elsewhere } }),
      await call('DELETE', '/v1/console/session', { cookie, headers: { origin: elsewhere } }),
    ]) {
      const problem = expectProblem(refused, 403, 'csrf_rejected');
      expect(problem.detail).toContain(origin);
      expect(problem.detail).toContain(elsewhere);
      expect(problem.detail).toContain('SWITCHBOARD_PUBLIC_URL');
      expect((problem as Record<string, unknown>)['expectedOrigin']).toBe(origin);
    }
    // The header-less refusal stays about the header.
    const noHeader = expectProblem(await call('POST', '/v1/solutions', { cookie, body: { apiName: 'origin_probe', name: 'x' }, csrf: false }), 403, 'csrf_rejected');
    expect(noHeader.detail).toContain('X-Switchboard-CSRF');
  });

  it('an Authorization header wins over the cookie; cookie requests never get CORS headers', async () => {
    const org = await env.newOrg();
    const { key } = await env.orgKey(org);
    const { cookie } = await signIn(key);
    // The admin key with an org cookie: admin; a bad key with a good cookie: 401 (the cookie is not consulted).
    expect((await call('GET', '/v1/connectors', { cookie, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(200);
    const wrongBearer = await call('GET', `/v1/orgs/${org}/connections`, { cookie, headers: { authorization: 'Bearer sbk_wrong-key-0000000000000' } });
    expectUnauthenticated(wrongBearer);
    expect(wrongBearer.headers.getSetCookie()).toEqual([]); // the cookie was not looked at, nor cleared

    // An SDK session of the org lists APP: a Bearer session request from APP gets CORS, a cookie request never.
    const session = await env.session(org, { key, allowedOrigins: [APP] });
    const withToken = await call('GET', `/v1/orgs/${org}/connections/acme`, { headers: { authorization: `Bearer ${session.token}`, origin: APP } });
    expect(withToken.headers.get('access-control-allow-origin')).toBe(APP);
    for (const response of [
      await call('GET', `/v1/orgs/${org}/connections/acme`, { cookie, headers: { origin: APP } }),
      await call('GET', '/v1/console/session', { cookie, headers: { origin: APP } }),
      await call('POST', `/v1/orgs/${org}/connections/acme/authorize`, { cookie, body: {}, headers: { origin: APP } }),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('revoking the org key ends its console sessions at once', async () => {
    const org = await env.newOrg();
    const { key, id } = await env.orgKey(org);
    const { cookie } = await signIn(key);
    const sessionId = cookie.slice('sb_console='.length).split('.')[0]!;
    expect((await call('GET', `/v1/orgs/${org}/connections`, { cookie })).status).toBe(200);

    expect((await env.request('DELETE', `/v1/orgs/${org}/keys/${id}`)).status).toBe(204);
    expect(await env.server.store.consoleSessions.get(sessionId)).toBeUndefined();
    expectUnauthenticated(await call('GET', `/v1/orgs/${org}/connections`, { cookie }));
    expectUnauthenticated(await call('GET', '/v1/console/session', { cookie }));
    // The revoked key cannot sign in again.
    expectUnauthenticated(await call('POST', '/v1/console/session', { body: { key }, headers: { origin } }));
  });

  it('a session ends after 12 hours', async () => {
    const { cookie } = await signIn(ADMIN_KEY);
    clock.advance(12 * 3600 - 1);
    expect((await call('GET', '/v1/orgs', { cookie })).status).toBe(200);
    clock.advance(1);
    const expired = await call('GET', '/v1/orgs', { cookie });
    expectUnauthenticated(expired);
    expect((expired.body as Problem).detail).toMatch(/sign in/i);
    expectUnauthenticated(await call('GET', '/v1/console/session', { cookie }));
    expect(env.logs()).toMatch(/"route":"GET \/v1\/orgs","reason":"expired"/);
  });

  it('the keys never appear in a response, a Set-Cookie or a log line', () => {
    // The answer that creates an org key shows it, once, by design; nothing else may.
    const haystacks = [env.logs(), ...seen.filter((text) => !text.includes('"key":"sbo_'))];
    const orgKeys = env.responses().flatMap((text) => [...text.matchAll(/sbo_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}/g)].map((m) => m[0]));
    expect(orgKeys.length).toBeGreaterThan(0);
    for (const secret of [ADMIN_KEY, ...orgKeys.map((k) => k.split('.')[1]!)]) {
      for (const haystack of haystacks) expect(haystack.includes(secret)).toBe(false);
    }
  });
});

describe.each(testDatabases())('console sessions across a change of admin key on $name', (database) => {
  it('survive a restart with the same admin key, end with a new one', async () => {
    const opened = await database.open();
    const keyA = 'sbk_first-admin-key-000000000000000000';
    const keyB = 'sbk_second-admin-key-11111111111111111';
    const start = (adminKey: string) => createTestEnvironment({ storage: opened.config, env: { SWITCHBOARD_ADMIN_KEY: adminKey } });
    const get = (env: TestEnvironment, path: string, cookie: string) => fetch(`${env.server.url}${path}`, { headers: { cookie } });
    try {
      let env = await start(keyA);
      const origin = new URL(env.server.publicUrl).origin;
      const signedIn = await fetch(`${env.server.url}/v1/console/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-switchboard-csrf': '1' },
        body: JSON.stringify({ key: keyA }),
      });
      expect(signedIn.status).toBe(201);
      const cookie = cookiePair(signedIn.headers.getSetCookie()[0]!);
      expect((await get(env, '/v1/orgs', cookie)).status).toBe(200);
      await env.close();

      env = await start(keyA);
      expect((await get(env, '/v1/orgs', cookie)).status).toBe(200);
      await env.close();

      env = await start(keyB);
      try {
        expect((await get(env, '/v1/orgs', cookie)).status).toBe(401);
        expect((await get(env, '/v1/console/session', cookie)).status).toBe(401);
        expect((await fetch(`${env.server.url}/v1/orgs`, { headers: { authorization: `Bearer ${keyB}` } })).status).toBe(200);
        expect(env.logs()).toMatch(/"reason":"expired"/);
      } finally {
        await env.close();
      }
    } finally {
      await opened.cleanup();
    }
  });
});

describe.each(testDatabases())('console sessions behind an https public URL on $name', (database) => {
  const PUBLIC = 'https://switchboard.example.test';
  let env: TestEnvironment;

  /** A request as a browser on the public origin would send it (the server itself listens on loopback http). */
  async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<ApiResponse> {
    const response = await fetch(`${env.server.url}${path}`, {
      method,
      headers: { origin: PUBLIC, 'x-switchboard-csrf': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null, text };
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ database, env: { SWITCHBOARD_ADMIN_KEY: ADMIN_KEY, SWITCHBOARD_PUBLIC_URL: PUBLIC, SWITCHBOARD_AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT) } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the cookie is __Host-sb_console (Secure, Path=/, no Domain); an unprefixed one is ignored; several are refused and expired', async () => {
    const signedIn = await call('POST', '/v1/console/session', {}, { key: ADMIN_KEY });
    expect(signedIn.status, signedIn.text).toBe(201);
    const [setCookie] = signedIn.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-sb_console=[0-9a-f]{16}\.[A-Za-z0-9_-]{43}; /);
    expect(setCookie!.split(';').slice(1).map((part) => part.trim()).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict', 'Secure']);
    const cookie = cookiePair(setCookie!);
    const value = cookie.slice('__Host-sb_console='.length);
    expect((await call('GET', '/v1/orgs', { cookie })).status).toBe(200);
    expect((await call('GET', '/v1/console/session', { cookie })).status).toBe(200);

    // `sb_console` is what a plain-http app on this host name could plant: not the console's cookie here.
    expectProblem(await call('GET', '/v1/orgs', { cookie: `sb_console=${value}` }), 401, 'unauthenticated');
    expectProblem(await call('GET', '/v1/console/session', { cookie: `sb_console=${value}` }), 401, 'unauthenticated');
    // …and does not disturb the real one beside it.
    expect((await call('GET', '/v1/orgs', { cookie: `sb_console=0123456789abcdef.${'Z'.repeat(43)}; ${cookie}` })).status).toBe(200);

    // Several of the prefixed name (never from a conforming browser; refused all the same).
    const other = cookiePair((await call('POST', '/v1/console/session', {}, { key: ADMIN_KEY })).headers.getSetCookie()[0]!);
    for (let i = 0; i <= FAILURE_LIMIT; i += 1) {
      const refused = await call('GET', '/v1/orgs', { cookie: `${other}; ${cookie}` });
      expect(expectProblem(refused, 401, 'unauthenticated').detail).toMatch(/several console cookies/i);
      expect(refused.headers.getSetCookie()).toEqual([
        '__Host-sb_console=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure',
        '__Host-sb_console=; HttpOnly; SameSite=Strict; Path=/v1; Max-Age=0; Secure',
      ]);
    }
    // A stale one is expired under its own name; sign-out likewise.
    const out = await call('DELETE', '/v1/console/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual(['__Host-sb_console=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure']);
    const stale = await call('GET', '/v1/orgs', { cookie });
    expectProblem(stale, 401, 'unauthenticated');
    expect(stale.headers.getSetCookie()).toEqual(['__Host-sb_console=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure']);

    // The public origin is the https one: the loopback address is refused, and told what to set.
    const problem = expectProblem(await call('POST', '/v1/console/session', { origin: env.server.url }, { key: ADMIN_KEY }), 403, 'csrf_rejected');
    expect(problem.detail).toContain(PUBLIC);
    expect(problem.detail).toContain('SWITCHBOARD_PUBLIC_URL');

    // The OpenAPI document names the cookie this server uses.
    const document = (await call('GET', '/v1/openapi.json', {})).body as { components: { securitySchemes: Record<string, { name?: string }> } };
    expect(document.components.securitySchemes['consoleSession']?.name).toBe('__Host-sb_console');
  });
});
