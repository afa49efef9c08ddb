import { randomBytes } from 'node:crypto';
import { completeConsentHeadlessly } from '@switchboard/demo';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './testing/closed-port.js';
import { manualClock } from '@switchboard/core';
import { createTestEnvironment, DEMO_CLIENT, DEMO_CLIENT_ID, type TestEnvironment } from './testing/test-environment.js';

/**
 * The authorization code flow end to end: a real oidc-provider (PKCE required, rotating refresh
 * tokens, revocation, introspection) and a real Switchboard over loopback, on both databases.
 *
 * One environment per database; every test works in an org of its own (and, where it needs a
 * differently configured connector, a connector of its own), so tests cannot see each other's
 * connections. Demo counters are compared as deltas around the step under test.
 */

describe.each(testDatabases())('OAuth authorization flow on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  const visit = (url: URL | string, accept = 'text/html') => fetch(url, { redirect: 'manual', headers: { accept } });

  /** The message the callback page posts to `window.opener` (to one origin, never `*`: sessions.integration.test.ts). */
  const postedMessage = (html: string): Record<string, unknown> => {
    const match = /postMessage\((\{.*?\}), "https?:\/\/[^"*]+"\)/.exec(html);
    if (!match?.[1]) throw new Error(`no postMessage in page: ${html.slice(0, 200)}`);
    return JSON.parse(match[1]) as Record<string, unknown>;
  };

  const expectNothingStored = async (org: string, connector = 'acme') => {
    expect((await env.connection(org, connector)).status).toBe('not_authorized');
    expect(await env.storedConnection(org, connector)).toBeUndefined();
    const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {});
    expect(invoked.status).toBe(409);
    expect(invoked.body).toMatchObject({ code: 'not_authorized' });
  };

  it('authorizes, shows the connected page, reports the connection and invokes the API', async () => {
    const org = await env.newOrg();
    const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

    const page = await env.authorize(org);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(postedMessage(await page.text())).toEqual({ type: 'switchboard:authorization', status: 'authorized', org, connector: 'acme' });
    expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore + 1);

    const status = await env.connection(org);
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
    const { accessToken, refreshToken } = await env.storedTokens(org);
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
    const org = await env.newOrg();
    const { callback } = await env.consent(org, 'acme', { body: { returnTo: '/console/connections?done=1' } });
    const response = await visit(callback);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/connections?done=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await env.connection(org)).status).toBe('authorized');
  });

  it('sends PKCE S256, state and the registered redirect_uri in the authorization request', async () => {
    const org = await env.newOrg();
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
      const org = await env.newOrg();
      const { callback } = await env.consent(org);
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
      const org = await env.newOrg();
      const { callback } = await env.consent(org);
      const first = await visit(callback);
      expect(first.status).toBe(200);
      const before = await env.storedTokens(org);
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;

      const replay = await visit(callback);
      expect(replay.status).toBe(400);
      expect(postedMessage(await replay.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });

      // The code was not sent again (the demo would revoke the grant on a replayed code) ...
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      // ... and the stored connection is exactly as the first callback left it, and still works.
      const after = await env.storedTokens(org);
      expect(after.row).toEqual(before.row);
      expect(after.accessToken).toBe(before.accessToken);
      expect((await env.connection(org)).status).toBe('authorized');
      const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {});
      expect(invoked.status).toBe(200);
      expect(await env.demo.introspect(before.refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });
    });

    it('refuses a state older than 10 minutes', async () => {
      const org = await env.newOrg();
      const { callback } = await env.consent(org);
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
      clock.advance(11 * 60);

      const page = await visit(callback);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      await expectNothingStored(org);
    });

    it('refuses a callback without state, which consumes nothing', async () => {
      const org = await env.newOrg();
      const { callback } = await env.consent(org);
      const stateless = new URL(callback);
      stateless.searchParams.delete('state');

      const page = await visit(stateless);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'invalid_state' });
      await expectNothingStored(org);

      // The pending authorization was not spent by the bad request: the genuine callback still works.
      expect((await visit(callback)).status).toBe(200);
      expect((await env.connection(org)).status).toBe('authorized');
    });

    it('does not let a state started for one org authorize another', async () => {
      const org = await env.newOrg();
      const other = await env.newOrg();
      const { callback } = await env.consent(org);
      expect((await visit(callback)).status).toBe(200);
      expect((await env.connection(org)).status).toBe('authorized');
      expect((await env.connection(other)).status).toBe('not_authorized');
    });
  });

  it('answers a denied consent (access_denied) with a 400 page and stores nothing', async () => {
    const org = await env.newOrg();
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
      const connector = await env.newConnector({ issuer: 'https://login.other.example' });
      const org = await env.newOrg({ connectors: [connector] });
      const codeRequestsBefore = env.demo.stats().tokenRequests.authorization_code;
      const { callback } = await env.consent(org, connector);
      expect(callback.searchParams.get('iss')).toBe(env.demo.issuer);

      const problem = await visit(callback, 'application/json');
      expect(problem.status).toBe(400);
      expect(await problem.json()).toMatchObject({ code: 'issuer_mismatch' });
      expect(env.demo.stats().tokenRequests.authorization_code).toBe(codeRequestsBefore);
      await expectNothingStored(org, connector);
    });

    it('shows the issuer mismatch on the callback page too', async () => {
      const connector = await env.newConnector({ issuer: `${env.demo.issuer}/evil` });
      const org = await env.newOrg({ connectors: [connector] });
      const page = await env.authorize(org, connector);
      expect(page.status).toBe(400);
      expect(postedMessage(await page.text())).toMatchObject({ status: 'failed', code: 'issuer_mismatch', org, connector });
      await expectNothingStored(org, connector);
    });

    it('accepts a response without iss when an issuer is configured (iss is checked when present)', async () => {
      const org = await env.newOrg();
      const { callback } = await env.consent(org);
      const withoutIss = new URL(callback);
      withoutIss.searchParams.delete('iss');
      expect((await visit(withoutIss)).status).toBe(200);
      expect((await env.connection(org)).status).toBe('authorized');
    });

    it('completes the flow when no issuer is configured', async () => {
      const connector = await env.newConnector({ issuer: undefined });
      const view = await env.request<{ issuer: string | null }>('GET', `/v1/connectors/${connector}`);
      expect(view.body.issuer ?? null).toBeNull();
      const org = await env.newOrg({ connectors: [connector] });
      const page = await env.authorize(org, connector);
      expect(page.status).toBe(200);
      expect((await env.connection(org, connector)).status).toBe('authorized');
      expect((await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {})).status).toBe(200);
    });
  });

  it('fails at the demo, which requires PKCE, when the connector opts out of PKCE, and stores nothing', async () => {
    const connector = await env.newConnector({ pkce: false });
    const org = await env.newOrg({ connectors: [connector] });
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
    const connector = await env.newConnector({ clientAuthMethod: 'client_secret_basic' });
    const view = await env.request<{ clientAuthMethod: string }>('GET', `/v1/connectors/${connector}`);
    expect(view.body.clientAuthMethod).toBe('client_secret_basic');
    const org = await env.newOrg({ connectors: [connector] });
    expect((await env.authorize(org, connector)).status).toBe(200);
    expect((await env.connection(org, connector)).status).toBe('authorized');
    expect((await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {})).status).toBe(200);
  });

  it('answers a failed token exchange (wrong client secret) with a 400 page and stores nothing', async () => {
    const connector = await env.newConnector();
    const wrong = await env.request('PUT', `/v1/connectors/${connector}/credentials`, { clientId: DEMO_CLIENT_ID, clientSecret: 'not-the-secret' });
    expect(wrong.status).toBe(200);
    const org = await env.newOrg({ connectors: [connector] });
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
      const org = await env.newOrg();
      expect((await env.authorize(org)).status).toBe(200);
      const { accessToken, refreshToken } = await env.storedTokens(org);
      expect(await env.demo.introspect(accessToken!, DEMO_CLIENT)).toMatchObject({ active: true });
      expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });
      const revocationsBefore = env.demo.stats().revocations;

      const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/acme`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);

      expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
      expect(await env.demo.introspect(accessToken!, DEMO_CLIENT)).toMatchObject({ active: false });
      const status = await env.connection(org);
      expect(status).toMatchObject({ status: 'not_authorized', scopes: [], expiresAt: null });
      const stored = await env.storedTokens(org);
      expect(stored.accessToken).toBeNull();
      expect(stored.refreshToken).toBeNull();
      const invoked = await env.request('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {});
      expect(invoked.status).toBe(409);
      expect(invoked.body).toMatchObject({ code: 'not_authorized' });
    });

    it('deletes the tokens locally even when the revocation endpoint is unreachable', async () => {
      const connector = await env.newConnector({ revokeUrl: `http://127.0.0.1:${await closedPort()}/token/revocation` });
      const org = await env.newOrg({ connectors: [connector] });
      expect((await env.authorize(org, connector)).status).toBe(200);
      const { refreshToken } = await env.storedTokens(org, connector);

      const revoked = await env.request<{ status: string; providerRevocation: string; detail?: string }>('DELETE', `/v1/orgs/${org}/connections/${connector}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'not_authorized', providerRevocation: 'failed' });
      expect(revoked.body.detail).toEqual(expect.any(String));
      expect(revoked.text).not.toContain(refreshToken!);

      expect((await env.connection(org, connector)).status).toBe('not_authorized');
      const stored = await env.storedTokens(org, connector);
      expect(stored.accessToken).toBeNull();
      expect(stored.refreshToken).toBeNull();
      // The provider was never told, so its grant lives on: exactly what `failed` reports.
      expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });
    });

    it('answers a revoke of a never-authorized connection without calling the provider', async () => {
      const org = await env.newOrg();
      const revocationsBefore = env.demo.stats().revocations;
      const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/acme`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'not_authorized', providerRevocation: 'not_configured' });
      expect(env.demo.stats().revocations).toBe(revocationsBefore);
      expect((await env.connection(org)).status).toBe('not_authorized');
    });

    it('refuses to delete a connector with a live connection (409) unless asked to revoke it', async () => {
      const connector = await env.newConnector();
      // Org `dev` uses the draft: a connector installed elsewhere is in a release and cannot be deleted at all.
      const org = 'dev';
      expect((await env.authorize(org, connector)).status).toBe(200);
      const { refreshToken } = await env.storedTokens(org, connector);

      const refused = await env.request('DELETE', `/v1/connectors/${connector}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'conflict' });
      expect((await env.request('GET', `/v1/connectors/${connector}`)).status).toBe(200);
      expect((await env.connection(org, connector)).status).toBe('authorized');
      expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });

      const revocationsBefore = env.demo.stats().revocations;
      const deleted = await env.request('DELETE', `/v1/connectors/${connector}?revokeConnections=true`);
      expect(deleted.status).toBe(204);
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);
      expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
      expect((await env.request('GET', `/v1/connectors/${connector}`)).status).toBe(404);
    });
  });

  it('never shows a token or the client secret in a response or a log line', async () => {
    expect(env.tokensSeen().length).toBeGreaterThan(5);
    env.expectNoSecretShown();
  });
});

describe.each(testDatabases())('revocation with the demo down on $name', (database) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
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
    expect(await env.storedConnection('dev')).toMatchObject({ status: 'not_authorized', accessTokenEncrypted: null, refreshTokenEncrypted: null });
    const invoked = await env.request('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {});
    expect(invoked.status).toBe(409);
    expect(invoked.body).toMatchObject({ code: 'not_authorized' });
  });
});
