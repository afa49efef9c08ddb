import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAesGcmCipher, keyIdOf } from '@switchboard/core';
import { completeConsentHeadlessly } from '@switchboard/demo';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from './testing/fake-clock.js';
import { createTestEnvironment, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestEnvironment } from './testing/test-environment.js';

/**
 * The authorization code flow end to end: a real oidc-provider (PKCE required, rotating refresh
 * tokens, revocation, introspection) and a real Switchboard over loopback, on both databases.
 *
 * One environment per database; every test works in an org of its own (and, where it needs a
 * differently configured connector, a connector of its own), so tests cannot see each other's
 * connections. Demo counters are compared as deltas around the step under test.
 */

/** The harness's encryption key (`Buffer.alloc(32, 7)`), to read the raw tokens back from the store. */
const testKey = Buffer.alloc(32, 7);
const cipher = createAesGcmCipher([{ id: keyIdOf(testKey), key: testKey }]);
const demoClient = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET };

interface ConnectionBody {
  connector: string;
  status: string;
  scopes: string[];
  authorizedAt: string | null;
  expiresAt: string | null;
  lastRefreshedAt: string | null;
}

/** A loopback port nothing listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testDatabases())('OAuth authorization flow on $name', (database) => {
  const clock = fakeClock();
  let opened: OpenedTestDatabase;
  let env: TestEnvironment;
  /** Every raw token the tests read back, for the leak check at the end. */
  const seenTokens = new Set<string>();

  beforeAll(async () => {
    opened = await database.open();
    env = await createTestEnvironment({ storage: opened.config, clock });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
    await opened?.cleanup();
  });

  let orgCounter = 0;
  /** A fresh org for one test. */
  const newOrg = async (): Promise<string> => {
    orgCounter += 1;
    const id = `org-${orgCounter}-${randomBytes(3).toString('hex')}`;
    const created = await env.request('POST', '/v1/orgs', { id, name: `Org ${orgCounter}` });
    expect(created.status).toBe(201);
    return id;
  };

  let connectorCounter = 0;
  /** A connector of this test's own, configured like `acme` plus the overrides; returns its apiName. */
  const newConnector = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    connectorCounter += 1;
    const apiName = `acme_${connectorCounter}`;
    await env.createAcmeConnector({ name: `Acme ${connectorCounter}`, apiName, ...overrides });
    return apiName;
  };

  const connection = async (org: string, connector = 'acme'): Promise<ConnectionBody> => {
    const response = await env.request<ConnectionBody>('GET', `/v1/orgs/${org}/connections/${connector}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The raw tokens, decrypted from the store with the server's key and the row's context. */
  const storedTokens = async (org: string, connector = 'acme') => {
    const record = await env.server.store.connectors.getByApiName(connector);
    if (!record) throw new Error(`no connector ${connector}`);
    const row = await env.server.store.connections.get(org, record.id);
    const open = (value: string | null | undefined, field: 'access_token' | 'refresh_token') =>
      value ? cipher.decrypt(value, `connection:${org}:${record.id}:${field}`) : null;
    const tokens = {
      row,
      accessToken: open(row?.accessTokenEncrypted, 'access_token'),
      refreshToken: open(row?.refreshTokenEncrypted, 'refresh_token'),
    };
    for (const token of [tokens.accessToken, tokens.refreshToken]) if (token !== null) seenTokens.add(token);
    return tokens;
  };

  /** Starts an authorization and plays the browser at the demo; returns Switchboard's callback URL. */
  const consentAt = async (org: string, connector = 'acme', options: { body?: Record<string, unknown>; decision?: 'allow' | 'deny' } = {}) => {
    const started = await env.request<{ authorizationUrl: string; expiresAt: string }>('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, options.body ?? {});
    expect(started.status).toBe(200);
    const callback = await completeConsentHeadlessly(started.body.authorizationUrl, {
      username: 'alice',
      password: 'wonderland',
      decision: options.decision ?? 'allow',
    });
    return { authorizationUrl: new URL(started.body.authorizationUrl), callback };
  };

  const visit = (url: URL | string, accept = 'text/html') => fetch(url, { redirect: 'manual', headers: { accept } });

  /** The message the callback page posts to `window.opener`. */
  const postedMessage = (html: string): Record<string, unknown> => {
    const match = /postMessage\((\{.*?\}), '\*'\)/.exec(html);
    if (!match?.[1]) throw new Error(`no postMessage in page: ${html.slice(0, 200)}`);
    return JSON.parse(match[1]) as Record<string, unknown>;
  };

  const expectNothingStored = async (org: string, connector = 'acme') => {
    expect((await connection(org, connector)).status).toBe('not_authorized');
    expect((await storedTokens(org, connector)).row).toBeUndefined();
    const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {});
    expect(invoked.status).toBe(409);
    expect(invoked.body).toMatchObject({ code: 'not_authorized' });
  };

  it('authorizes, shows the connected page, reports the connection and invokes the API', async () => {
    const org = await newOrg();
    const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

    const page = await env.authorize(org);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(postedMessage(await page.text())).toEqual({ type: 'switchboard:authorization', status: 'authorized', org, connector: 'acme' });
    expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore + 1);

    const status = await connection(org);
    expect(status.status).toBe('authorized');
    // The granted scope the demo reports (RFC 6749 §5.1): its API scopes, for the API resource.
    expect(status.scopes).toEqual(env.demo.scopes.filter((scope) => scope !== 'openid' && scope !== 'offline_access'));
    expect(status.authorizedAt).toBe(clock.now().toISOString());
    // The demo issues 300 s access tokens; expiry is computed on Switchboard's clock.
    const lifetime = Date.parse(status.expiresAt!) - clock.now().getTime();
    expect(lifetime).toBeGreaterThan(240_000);
    expect(lifetime).toBeLessThanOrEqual(300_000);
    expect(status.lastRefreshedAt).toBeNull();
    expect(JSON.stringify(status)).not.toMatch(/token"|Token"/);
    const { accessToken, refreshToken } = await storedTokens(org);
    expect(accessToken).toBeTruthy();
    expect(refreshToken).toBeTruthy();

    const invoked = await env.request<{ status: number; body: { contacts: Array<{ First_Name: string; Last_Name: string }> } }>(
      'POST',
      `/v1/orgs/${org}/invoke/acme.listcontacts`,
      {},
    );
    expect(invoked.status).toBe(200);
    expect(invoked.body.status).toBe(200);
    expect(invoked.body.body.contacts.map((c) => `${c.First_Name} ${c.Last_Name}`)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('redirects to returnTo with 303 after a successful callback', async () => {
    const org = await newOrg();
    const { callback } = await consentAt(org, 'acme', { body: { returnTo: '/console/connections?done=1' } });
    const response = await visit(callback);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/connections?done=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await connection(org)).status).toBe('authorized');
  });

  it('sends PKCE S256, state and the registered redirect_uri in the authorization request', async () => {
    const org = await newOrg();
    const started = await env.request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/acme/authorize`, {});
    const url = new URL(started.body.authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(env.server.redirectUrl);
    // At least 128 bits of state, base64url.
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(22);
    const again = await env.request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/acme/authorize`, {});
    const second = new URL(again.body.authorizationUrl);
    expect(second.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
    expect(second.searchParams.get('code_challenge')).not.toBe(url.searchParams.get('code_challenge'));
  });

  describe('state', () => {
    it('refuses an unknown state and stores nothing', async () => {
      const org = await newOrg();
      const { callback } = await consentAt(org);
      const forged = new URL(callback);
      forged.searchParams.set('state', randomBytes(32).toString('base64url'));
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

      const page = await visit(forged);
      expect(page.status).toBe(400);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });

      const problem = await visit(forged, 'application/json');
      expect(problem.status).toBe(400);
      expect(await problem.json()).toMatchObject({ code: 'invalid_state' });

      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      await expectNothingStored(org);
    });

    it('refuses a replayed callback and leaves the first result untouched', async () => {
      const org = await newOrg();
      const { callback } = await consentAt(org);
      const first = await visit(callback);
      expect(first.status).toBe(200);
      const before = await storedTokens(org);
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

      const replay = await visit(callback);
      expect(replay.status).toBe(400);
      expect(postedMessage(await replay.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });

      // The code was not sent again (the demo would revoke the grant on a replayed code) ...
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      // ... and the stored connection is exactly as the first callback left it, and still works.
      const after = await storedTokens(org);
      expect(after.row).toEqual(before.row);
      expect(after.accessToken).toBe(before.accessToken);
      expect((await connection(org)).status).toBe('authorized');
      const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {});
      expect(invoked.status).toBe(200);
      expect(await env.demo.introspect(before.refreshToken!, demoClient)).toMatchObject({ active: true });
    });

    it('refuses a state older than 10 minutes', async () => {
      const org = await newOrg();
      const { callback } = await consentAt(org);
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
      clock.advance(11 * 60);

      const page = await visit(callback);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      await expectNothingStored(org);
    });

    it('refuses a callback without state, which consumes nothing', async () => {
      const org = await newOrg();
      const { callback } = await consentAt(org);
      const stateless = new URL(callback);
      stateless.searchParams.delete('state');

      const page = await visit(stateless);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });
      await expectNothingStored(org);

      // The pending authorization was not spent by the bad request: the genuine callback still works.
      expect((await visit(callback)).status).toBe(200);
      expect((await connection(org)).status).toBe('authorized');
    });

    it('does not let a state started for one org authorize another', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const { callback } = await consentAt(org);
      expect((await visit(callback)).status).toBe(200);
      expect((await connection(org)).status).toBe('authorized');
      expect((await connection(other)).status).toBe('not_authorized');
    });
  });

  it('answers a denied consent (access_denied) with a 400 page and stores nothing', async () => {
    const org = await newOrg();
    const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
    const page = await env.authorize(org, 'acme', { decision: 'deny' });
    expect(page.status).toBe(400);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(postedMessage(html)).toEqual({ type: 'switchboard:authorization', status: 'failed', org, connector: 'acme', code: 'authorization_denied' });
    expect(html).toContain('Access was denied');
    expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
    await expectNothingStored(org);
  });

  describe('issuer (RFC 9207)', () => {
    it('refuses an authorization response whose iss differs from the configured issuer', async () => {
      const connector = await newConnector({ issuer: 'https://login.other.example' });
      const org = await newOrg();
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
      const { callback } = await consentAt(org, connector);
      expect(callback.searchParams.get('iss')).toBe(env.demo.issuer);

      const problem = await visit(callback, 'application/json');
      expect(problem.status).toBe(400);
      expect(await problem.json()).toMatchObject({ code: 'issuer_mismatch' });
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      await expectNothingStored(org, connector);
    });

    it('shows the issuer mismatch on the callback page too', async () => {
      const connector = await newConnector({ issuer: `${env.demo.issuer}/evil` });
      const org = await newOrg();
      const page = await env.authorize(org, connector);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'issuer_mismatch', org, connector });
      await expectNothingStored(org, connector);
    });

    it('accepts a response without iss when an issuer is configured (iss is checked when present)', async () => {
      const org = await newOrg();
      const { callback } = await consentAt(org);
      const withoutIss = new URL(callback);
      withoutIss.searchParams.delete('iss');
      expect((await visit(withoutIss)).status).toBe(200);
      expect((await connection(org)).status).toBe('authorized');
    });

    it('completes the flow when no issuer is configured', async () => {
      const connector = await newConnector({ issuer: undefined });
      const view = await env.request<{ issuer: string | null }>('GET', `/v1/connectors/${connector}`);
      expect(view.body.issuer ?? null).toBeNull();
      const org = await newOrg();
      const page = await env.authorize(org, connector);
      expect(page.status).toBe(200);
      expect((await connection(org, connector)).status).toBe('authorized');
      expect((await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {})).status).toBe(200);
    });
  });

  it('fails at the demo, which requires PKCE, when the connector opts out of PKCE, and stores nothing', async () => {
    const connector = await newConnector({ pkce: false });
    const org = await newOrg();
    const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
    const started = await env.request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, {});
    const url = new URL(started.body.authorizationUrl);
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.has('code_challenge_method')).toBe(false);

    // The demo refuses the request itself and redirects back with an error instead of a code.
    const callback = await completeConsentHeadlessly(started.body.authorizationUrl, { username: 'alice', password: 'wonderland' });
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.has('code')).toBe(false);
    const page = await visit(callback);
    expect(page.status).toBe(400);
    expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'authorization_denied' });
    expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
    await expectNothingStored(org, connector);
  });

  it('authenticates with client_secret_basic', async () => {
    const connector = await newConnector({ clientAuthMethod: 'client_secret_basic' });
    const view = await env.request<{ clientAuthMethod: string }>('GET', `/v1/connectors/${connector}`);
    expect(view.body.clientAuthMethod).toBe('client_secret_basic');
    const org = await newOrg();
    expect((await env.authorize(org, connector)).status).toBe(200);
    expect((await connection(org, connector)).status).toBe('authorized');
    expect((await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {})).status).toBe(200);
  });

  it('answers a failed token exchange (wrong client secret) with a 400 page and stores nothing', async () => {
    const connector = await newConnector();
    const wrong = await env.request('PUT', `/v1/connectors/${connector}/credentials`, { clientId: DEMO_CLIENT_ID, clientSecret: 'not-the-secret' });
    expect(wrong.status).toBe(200);
    const org = await newOrg();
    const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

    const page = await env.authorize(org, connector);
    expect(page.status).toBe(400);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(postedMessage(html)).toMatchObject({ status: 'failed', code: 'token_exchange_failed', org, connector });
    expect(html).not.toContain('not-the-secret');
    // The exchange was attempted (and refused by the demo).
    expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore + 1);
    await expectNothingStored(org, connector);
  });

  describe('revocation', () => {
    it('revokes at the provider: introspection says both tokens are inactive; the tokens are gone locally', async () => {
      const org = await newOrg();
      expect((await env.authorize(org)).status).toBe(200);
      const { accessToken, refreshToken } = await storedTokens(org);
      expect(await env.demo.introspect(accessToken!, demoClient)).toMatchObject({ active: true });
      expect(await env.demo.introspect(refreshToken!, demoClient)).toMatchObject({ active: true });
      const revocationsBefore = env.demo.stats().revocations;

      const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/acme`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);

      expect(await env.demo.introspect(refreshToken!, demoClient)).toMatchObject({ active: false });
      expect(await env.demo.introspect(accessToken!, demoClient)).toMatchObject({ active: false });
      const status = await connection(org);
      expect(status).toMatchObject({ status: 'not_authorized', scopes: [], expiresAt: null });
      const stored = await storedTokens(org);
      expect(stored.accessToken).toBeNull();
      expect(stored.refreshToken).toBeNull();
      const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {});
      expect(invoked.status).toBe(409);
      expect(invoked.body).toMatchObject({ code: 'not_authorized' });
    });

    it('deletes the tokens locally even when the revocation endpoint is unreachable', async () => {
      const connector = await newConnector({ revokeUrl: `http://127.0.0.1:${await closedPort()}/token/revocation` });
      const org = await newOrg();
      expect((await env.authorize(org, connector)).status).toBe(200);
      const { refreshToken } = await storedTokens(org, connector);

      const revoked = await env.request<{ status: string; providerRevocation: string; detail?: string }>('DELETE', `/v1/orgs/${org}/connections/${connector}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'not_authorized', providerRevocation: 'failed' });
      expect(revoked.body.detail).toEqual(expect.any(String));
      expect(revoked.text).not.toContain(refreshToken!);

      expect((await connection(org, connector)).status).toBe('not_authorized');
      const stored = await storedTokens(org, connector);
      expect(stored.accessToken).toBeNull();
      expect(stored.refreshToken).toBeNull();
      // The provider was never told, so its grant lives on: exactly what `failed` reports.
      expect(await env.demo.introspect(refreshToken!, demoClient)).toMatchObject({ active: true });
    });

    it('answers a revoke of a never-authorized connection without calling the provider', async () => {
      const org = await newOrg();
      const revocationsBefore = env.demo.stats().revocations;
      const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/acme`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'not_authorized', providerRevocation: 'not_configured' });
      expect(env.demo.stats().revocations).toBe(revocationsBefore);
      expect((await connection(org)).status).toBe('not_authorized');
    });

    it('refuses to delete a connector with a live connection (409) unless asked to revoke it', async () => {
      const connector = await newConnector();
      const org = await newOrg();
      expect((await env.authorize(org, connector)).status).toBe(200);
      const { refreshToken } = await storedTokens(org, connector);

      const refused = await env.request('DELETE', `/v1/connectors/${connector}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'conflict' });
      expect((await env.request('GET', `/v1/connectors/${connector}`)).status).toBe(200);
      expect((await connection(org, connector)).status).toBe('authorized');
      expect(await env.demo.introspect(refreshToken!, demoClient)).toMatchObject({ active: true });

      const revocationsBefore = env.demo.stats().revocations;
      const deleted = await env.request('DELETE', `/v1/connectors/${connector}?revokeConnections=true`);
      expect(deleted.status).toBe(204);
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);
      expect(await env.demo.introspect(refreshToken!, demoClient)).toMatchObject({ active: false });
      expect((await env.request('GET', `/v1/connectors/${connector}`)).status).toBe(404);
    });
  });

  it('never shows a token or the client secret in a response or a log line', async () => {
    expect(seenTokens.size).toBeGreaterThan(5);
    const haystacks = [env.logs(), ...env.responses()];
    for (const secret of [...seenTokens, DEMO_CLIENT_SECRET]) {
      for (const haystack of haystacks) expect(haystack.includes(secret)).toBe(false);
    }
  });
});

describe.each(testDatabases())('revocation with the demo down on $name', (database) => {
  let opened: OpenedTestDatabase;
  let env: TestEnvironment;

  beforeAll(async () => {
    opened = await database.open();
    env = await createTestEnvironment({ storage: opened.config });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
    await opened?.cleanup();
  });

  it('reports providerRevocation failed and still deletes the tokens locally', async () => {
    expect((await env.authorize('dev')).status).toBe(200);
    await env.demo.close();

    const revoked = await env.request<{ status: string; providerRevocation: string; detail?: string }>('DELETE', '/v1/orgs/dev/connections/acme');
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'not_authorized', providerRevocation: 'failed' });
    expect(revoked.body.detail).toEqual(expect.any(String));

    const status = await env.request<{ status: string }>('GET', '/v1/orgs/dev/connections/acme');
    expect(status.body.status).toBe('not_authorized');
    const connector = await env.server.store.connectors.getByApiName('acme');
    const row = await env.server.store.connections.get('dev', connector!.id);
    expect(row).toMatchObject({ status: 'not_authorized', accessTokenEncrypted: null, refreshTokenEncrypted: null });
    const invoked = await env.request('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {});
    expect(invoked.status).toBe(409);
    expect(invoked.body).toMatchObject({ code: 'not_authorized' });
  });
});
