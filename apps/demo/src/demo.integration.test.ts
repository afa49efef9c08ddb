import { createHash } from 'node:crypto';

import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { completeConsentHeadlessly, startDemo, type DemoService } from './index.js';

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const CLIENT = { clientId: 'switchboard-test', clientSecret: 'a-long-test-secret-with:colon&amp', redirectUris: [REDIRECT_URI] };
const OTHER_CLIENT = { clientId: 'other-client', clientSecret: 'other-secret', redirectUris: [REDIRECT_URI] };
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const alice = { username: 'alice', password: 'wonderland' };

let demo: DemoService;
let as: oauth.AuthorizationServer;
const client: oauth.Client = { client_id: CLIENT.clientId };

beforeAll(async () => {
  demo = await startDemo({ clients: [CLIENT, OTHER_CLIENT] });
  const issuer = new URL(demo.issuer);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
});

afterAll(async () => {
  await demo?.close();
});

interface AuthorizationRequest {
  url: URL;
  state: string;
  codeVerifier: string;
}

async function buildAuthorizationRequest(overrides: Record<string, string | null> = {}): Promise<AuthorizationRequest> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(demo.authorizationUrl);
  const params: Record<string, string | null> = {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: demo.scopes.join(' '),
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...demo.authorizationParams,
    ...overrides,
  };
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return { url, state, codeVerifier };
}

async function authorize(clientAuth = oauth.ClientSecretBasic(CLIENT.clientSecret)): Promise<oauth.TokenEndpointResponse> {
  const request = await buildAuthorizationRequest();
  const redirect = await completeConsentHeadlessly(request.url.href, alice);
  const params = oauth.validateAuthResponse(as, client, redirect, request.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, REDIRECT_URI, request.codeVerifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

async function refresh(refreshToken: string): Promise<oauth.TokenEndpointResponse> {
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(CLIENT.clientSecret), refreshToken, insecure);
  return oauth.processRefreshTokenResponse(as, client, response);
}

function api(path: string, accessToken: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${accessToken}`);
  return fetch(`${demo.apiBaseUrl}${path}`, { ...init, headers });
}

describe('Acme CRM demo', () => {
  it('serves a discovery document for a strict authorization server', () => {
    expect(as.issuer).toBe(demo.issuer);
    expect(as.authorization_endpoint).toBe(demo.authorizationUrl);
    expect(as.token_endpoint).toBe(demo.tokenUrl);
    expect(as.revocation_endpoint).toBe(demo.revocationUrl);
    expect(as.introspection_endpoint).toBe(demo.introspectionUrl);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
    expect(as.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(as.token_endpoint_auth_methods_supported).not.toContain('none');
  });

  it('runs authorization code + PKCE through the real pages; the token works at the API', async () => {
    const request = await buildAuthorizationRequest();
    const redirect = await completeConsentHeadlessly(request.url.href, alice);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('iss')).toBe(demo.issuer);
    expect(redirect.searchParams.get('state')).toBe(request.state);

    const params = oauth.validateAuthResponse(as, client, redirect, request.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), params, REDIRECT_URI, request.codeVerifier, insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(300);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope?.split(' ')).toEqual(expect.arrayContaining(['contacts:read', 'contacts:write', 'files:write']));

    const contacts = await api('/contacts', tokens.access_token);
    expect(contacts.status).toBe(200);
    const body = (await contacts.json()) as { contacts: Array<{ id: string }> };
    expect(body.contacts).toHaveLength(2);

    const whoami = await (await api('/whoami', tokens.access_token)).json();
    expect(whoami).toMatchObject({ sub: 'alice', clientId: CLIENT.clientId });

    // A code is single use: replaying it fails.
    const replay = await oauth.authorizationCodeGrantRequest(
      as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), params, REDIRECT_URI, request.codeVerifier, insecure,
    );
    await expect(oauth.processAuthorizationCodeResponse(as, client, replay)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts client_secret_post as well as client_secret_basic', async () => {
    const tokens = await authorize(oauth.ClientSecretPost(CLIENT.clientSecret));
    expect((await api('/contacts', tokens.access_token)).status).toBe(200);
  });

  it('rotates refresh tokens; reusing an old one fails with invalid_grant and revokes the grant', async () => {
    const first = await authorize();
    const second = await refresh(first.refresh_token!);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    // The access token minted by the refresh is still for the API (granted resource reused).
    expect((await api('/contacts', second.access_token)).status).toBe(200);

    await expect(refresh(first.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    // Reuse detection revoked the whole grant, the newest refresh token included.
    await expect(refresh(second.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await api('/contacts', second.access_token)).status).toBe(401);
  });

  it('revocation makes introspection report the tokens inactive', async () => {
    const tokens = await authorize();
    const before = await demo.introspect(tokens.access_token, CLIENT);
    expect(before).toMatchObject({ active: true, client_id: CLIENT.clientId, sub: 'alice', aud: demo.apiBaseUrl });
    // Another client learns nothing about this client's tokens.
    expect((await demo.introspect(tokens.access_token, OTHER_CLIENT)).active).toBe(false);

    const revocation = await oauth.revocationRequest(as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), tokens.refresh_token!, insecure);
    await oauth.processRevocationResponse(revocation);

    expect((await demo.introspect(tokens.refresh_token!, CLIENT)).active).toBe(false);
    expect((await demo.introspect(tokens.access_token, CLIENT)).active).toBe(false);
    expect((await api('/contacts', tokens.access_token)).status).toBe(401);
  });

  it('returns error=access_denied with iss and state when the user denies', async () => {
    const request = await buildAuthorizationRequest();
    const redirect = await completeConsentHeadlessly(request.url.href, { ...alice, decision: 'deny' });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe(request.state);
    expect(redirect.searchParams.get('iss')).toBe(demo.issuer);
    expect(redirect.searchParams.has('code')).toBe(false);
  });

  it('refuses an authorization request without PKCE', async () => {
    const request = await buildAuthorizationRequest({ code_challenge: null, code_challenge_method: null });
    const redirect = await completeConsentHeadlessly(request.url.href, alice);
    expect(redirect.searchParams.get('error')).toBe('invalid_request');
    expect(redirect.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(redirect.searchParams.has('code')).toBe(false);
  });

  it('refuses a code exchange with the wrong code_verifier', async () => {
    const request = await buildAuthorizationRequest();
    const redirect = await completeConsentHeadlessly(request.url.href, alice);
    const params = oauth.validateAuthResponse(as, client, redirect, request.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), params, REDIRECT_URI, oauth.generateRandomCodeVerifier(), insecure,
    );
    await expect(oauth.processAuthorizationCodeResponse(as, client, response)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('shows an error page, not a redirect, for an unregistered redirect_uri', async () => {
    const request = await buildAuthorizationRequest({ redirect_uri: 'http://127.0.0.1:9/evil' });
    await expect(completeConsentHeadlessly(request.url.href, alice)).rejects.toThrow(/HTTP 400: invalid_redirect_uri/);
  });

  it('refuses the plain PKCE method', async () => {
    const request = await buildAuthorizationRequest({ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
    const redirect = await completeConsentHeadlessly(request.url.href, alice);
    expect(redirect.searchParams.get('error')).toBe('invalid_request');
  });

  it('rejects a wrong password on the login page', async () => {
    const request = await buildAuthorizationRequest();
    await expect(completeConsentHeadlessly(request.url.href, { username: 'alice', password: 'nope' })).rejects.toThrow(/login refused/);
  });

  it('counts token requests by grant type, revocations and API requests', async () => {
    demo.resetStats();
    const tokens = await authorize();
    const rotated = await refresh(tokens.refresh_token!);
    await api('/contacts', rotated.access_token);
    await api('/contacts', 'not-a-token');
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), rotated.access_token, insecure),
    );
    expect(demo.stats()).toEqual({
      tokenRequests: { authorization_code: 1, refresh_token: 1, other: 0 },
      revocations: 1,
      apiRequests: 2,
    });
    demo.resetStats();
    expect(demo.stats().tokenRequests.authorization_code).toBe(0);
  });

  it('invalidateIssuedAccessTokens makes the API answer 401 until the client refreshes', async () => {
    const tokens = await authorize();
    expect((await api('/contacts', tokens.access_token)).status).toBe(200);
    demo.invalidateIssuedAccessTokens();
    const rejected = await api('/contacts', tokens.access_token);
    expect(rejected.status).toBe(401);
    expect(rejected.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    const refreshed = await refresh(tokens.refresh_token!);
    expect((await api('/contacts', refreshed.access_token)).status).toBe(200);
  });

  it('answers 401 once an access token has expired (checked without clock tolerance)', async () => {
    const shortLived = await startDemo({ clients: [CLIENT], accessTokenTtlSeconds: 1 });
    try {
      const issuer = new URL(shortLived.issuer);
      const shortAs = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
      const request = await buildAuthorizationRequest();
      const url = new URL(request.url.pathname + request.url.search, shortLived.issuer);
      url.searchParams.set('resource', shortLived.apiBaseUrl);
      const redirect = await completeConsentHeadlessly(url.href, alice);
      const params = oauth.validateAuthResponse(shortAs, client, redirect, request.state);
      const tokens = await oauth.processAuthorizationCodeResponse(shortAs, client, await oauth.authorizationCodeGrantRequest(
        shortAs, client, oauth.ClientSecretBasic(CLIENT.clientSecret), params, REDIRECT_URI, request.codeVerifier, insecure,
      ));
      expect(tokens.expires_in).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const response = await fetch(`${shortLived.apiBaseUrl}/contacts`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="token expired"/);
    } finally {
      await shortLived.close();
    }
  });

  describe('REST API', () => {
    let accessToken: string;
    beforeAll(async () => {
      accessToken = (await authorize()).access_token;
    });

    it('answers 401 without a token and 401 with a garbage one', async () => {
      const missing = await fetch(`${demo.apiBaseUrl}/contacts`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const garbage = await api('/contacts', 'garbage');
      expect(garbage.status).toBe(401);
      expect(garbage.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    });

    it('creates contacts from JSON and from a form, and reads them back', async () => {
      const created = await api('/contacts', accessToken, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ First_Name: 'Jane', Last_Name: 'Doe', Email_ID: 'jane@example.com' }),
      });
      expect(created.status).toBe(201);
      const contact = (await created.json()) as { id: string; First_Name: string };
      expect(contact).toMatchObject({ id: expect.any(String), First_Name: 'Jane' });
      const fetched = await api(`/contacts/${contact.id}`, accessToken);
      expect(await fetched.json()).toMatchObject({ id: contact.id, Email_ID: 'jane@example.com' });

      const fromForm = await api('/contacts', accessToken, {
        method: 'POST',
        body: new URLSearchParams({ First_Name: 'Joe', Last_Name: 'Bloggs', Email_ID: 'joe@example.com', Phone_Number: '123' }),
      });
      expect(fromForm.status).toBe(201);
      const list = (await (await api('/contacts', accessToken)).json()) as { contacts: unknown[] };
      expect(list.contacts).toHaveLength(4);

      const invalid = await api('/contacts', accessToken, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ First_Name: 'No', Surname: 'x' }),
      });
      expect(invalid.status).toBe(400);
      expect((await api('/contacts/nope', accessToken)).status).toBe(404);
    });

    it('accepts a multipart upload and records its bytes', async () => {
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      const form = new FormData();
      form.set('note', 'quarterly report');
      form.set('attachment', new Blob([bytes], { type: 'application/pdf' }), 'report.pdf');
      const response = await api('/files', accessToken, { method: 'POST', body: form });
      expect(response.status).toBe(201);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const body = await response.json();
      expect(body).toMatchObject({ filename: 'report.pdf', contentType: 'application/pdf', size: 70_000, sha256 });
      expect(demo.uploadedFiles().at(-1)).toMatchObject({
        filename: 'report.pdf', sha256, fieldName: 'attachment', otherFields: { note: 'quarterly report' },
      });
    });

    it('echoes exactly what reached it', async () => {
      const binary = new Uint8Array([0, 255, 1, 254]);
      const response = await api('/echo/a/b?x=1&y=2&y=3', accessToken, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'x-custom': 'Value' },
        body: binary,
      });
      expect(response.status).toBe(200);
      const echo = await response.json();
      expect(echo).toMatchObject({
        method: 'PUT',
        path: '/api/echo/a/b',
        query: { x: '1', y: ['2', '3'] },
        contentType: 'application/octet-stream',
        bodyText: null,
        bodyBase64: Buffer.from(binary).toString('base64'),
      });
      expect(echo.headers).toMatchObject({ authorization: 'present', 'x-custom': 'Value' });

      const text = await (await api('/echo', accessToken, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' })).json();
      expect(text).toMatchObject({ path: '/api/echo', bodyText: '{"a":1}' });
    });

    it('answers 403 insufficient_scope when a scope was not granted', async () => {
      const request = await buildAuthorizationRequest({ scope: 'contacts:read' });
      const redirect = await completeConsentHeadlessly(request.url.href, { username: 'bob', password: 'builder' });
      const params = oauth.validateAuthResponse(as, client, redirect, request.state);
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(
        as, client, oauth.ClientSecretBasic(CLIENT.clientSecret), params, REDIRECT_URI, request.codeVerifier, insecure,
      ));
      // No offline_access requested, so no refresh token.
      expect(tokens.refresh_token).toBeUndefined();
      expect((await api('/contacts', tokens.access_token)).status).toBe(200);
      const forbidden = await api('/contacts', tokens.access_token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ First_Name: 'A', Last_Name: 'B', Email_ID: 'c@d.e' }),
      });
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    });
  });
});
