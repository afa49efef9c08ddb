import { endpoints, type Problem } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, DEMO_CLIENT_ID, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * The HTTP API v1 over a real socket: every route's happy path, and the problems each answers
 * with for bad input (RFC 9457 problem details with a stable `code`, never a 500).
 */

const failingPaths = (problem: Problem): string[] => (problem.errors ?? []).map((e) => e.path);

/** A minimal valid connector body for routes that need one. */
const minimalConnector = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  serviceName: 'Example',
  authorizationUrl: 'https://auth.example.com/authorize',
  tokenUrl: 'https://auth.example.com/token',
  ...extra,
});

/** Bodies no route should ever answer with a 5xx. */
const garbageBodies: Array<{ label: string; raw: string }> = [
  { label: 'null', raw: 'null' },
  { label: 'array', raw: '[]' },
  { label: 'array of objects', raw: '[{"name":"x"}]' },
  { label: 'string', raw: '"hello"' },
  { label: 'number', raw: '42' },
  { label: 'true', raw: 'true' },
  { label: 'wrong types', raw: '{"name":{},"url":[],"method":7,"id":false,"clientId":null,"apiName":1,"scopes":"a","body":"x","headers":[1]}' },
  { label: 'proto pollution', raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { label: 'deep nesting', raw: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` },
  { label: 'deep array nesting', raw: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { label: 'long string', raw: JSON.stringify({ name: 'x'.repeat(300_000), id: 'y'.repeat(300_000) }) },
  { label: 'control characters', raw: JSON.stringify({ name: '\u0000\r\n\u2028', id: '\u0000', url: 'http://\u0000/' }) },
  { label: 'truncated', raw: '{"name": "x"' },
  { label: 'trailing garbage', raw: '{} {}' },
  { label: 'unicode escapes', raw: '{"name":"\\ud800","serviceName":"\\udfff"}' },
];

const bodyRoutes = [
  { method: 'POST', path: '/v1/connectors' },
  { method: 'PATCH', path: '/v1/connectors/acme' },
  { method: 'PUT', path: '/v1/connectors/acme/credentials' },
  { method: 'POST', path: '/v1/connectors/acme/apis' },
  { method: 'PATCH', path: '/v1/connectors/acme/apis/echo' },
  { method: 'POST', path: '/v1/orgs' },
  { method: 'POST', path: '/v1/orgs/dev/connections/acme/authorize' },
  { method: 'POST', path: '/v1/orgs/dev/invoke/acme.echo' },
];

/** Every admin route with concrete parameters (method, path), for the auth checks. */
const adminRoutes = (Object.values(endpoints) as Array<{ method: string; path: string; auth: string }>)
  .filter((spec) => spec.auth === 'admin')
  .map((spec) => ({
    method: spec.method.toUpperCase(),
    path: spec.path.replace('{connector}.{api}', 'acme.echo').replace('{connector}', 'acme').replace('{api}', 'echo').replace('{org}', 'dev'),
  }));

describe.each(testDatabases())('HTTP API on $name', (database) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  describe('operations routes without a key', () => {
    it('GET /health and /ready answer 200 {status: ok} with no key', async () => {
      for (const path of ['/health', '/ready']) {
        const response = await fetch(`${env.server.url}${path}`);
        expect(response.status, path).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok' });
      }
    });

    it('GET /v1/openapi.json is an OpenAPI 3.1 document naming every endpoint, served without a key', async () => {
      const response = await fetch(`${env.server.url}/v1/openapi.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: unknown } };
      expect(document.openapi).toMatch(/^3\.1\./);
      for (const [name, spec] of Object.entries(endpoints)) {
        expect(document.paths[spec.path], `${name} ${spec.path}`).toBeDefined();
        expect(document.paths[spec.path]![spec.method], `${name} ${spec.method} ${spec.path}`).toBeDefined();
      }
      // Request bodies come from the same zod schemas that validate them.
      const createConnector = document.paths['/v1/connectors']!['post'] as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[]; additionalProperties: unknown } } } } };
      const schema = createConnector.requestBody.content['application/json'].schema;
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'apiName', 'serviceName', 'authorizationUrl', 'tokenUrl', 'refreshUrl', 'revokeUrl', 'revokeUsing', 'tokenPlacement', 'issuer']));
      expect(schema.required).toEqual(expect.arrayContaining(['name', 'serviceName', 'authorizationUrl', 'tokenUrl']));
      expect(schema.additionalProperties).toBe(false);
      expect(document.components.securitySchemes).toBeDefined();
    });
  });

  describe('admin key', () => {
    it('every admin route answers 401 unauthenticated with WWW-Authenticate, without a key or with a wrong one', async () => {
      expect(adminRoutes.length).toBeGreaterThan(15);
      const variants: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer wrong-key-wrong-key-wrong-key' },
        { authorization: `Bearer ${env.server.adminKey}x` },
        { authorization: `Bearer ${env.server.adminKey.slice(0, -1)}` },
        { authorization: `Basic ${Buffer.from(`admin:${env.server.adminKey}`).toString('base64')}` },
        { authorization: env.server.adminKey },
        { authorization: 'Bearer' },
      ];
      for (const route of adminRoutes) {
        for (const headers of variants) {
          const response = await fetch(`${env.server.url}${route.path}`, {
            method: route.method,
            headers: { 'content-type': 'application/json', ...headers },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
          });
          const label = `${route.method} ${route.path} ${JSON.stringify(headers)}`;
          expect(response.status, label).toBe(401);
          expect(response.headers.get('www-authenticate'), label).toMatch(/^Bearer /);
          expect(response.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
          const body = (await response.json()) as Problem;
          expect(body.code, label).toBe('unauthenticated');
        }
      }
    });

    it('refuses before touching state: a keyless create does not create', async () => {
      const response = await fetch(`${env.server.url}/v1/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'keyless', name: 'Keyless' }) });
      expect(response.status).toBe(401);
      const orgs = await env.request<{ items: Array<{ id: string }> }>('GET', '/v1/orgs');
      expect(orgs.body.items.map((o) => o.id)).not.toContain('keyless');
    });

    it('percent-encoded or oddly spelled paths do not slip past the key', async () => {
      for (const path of ['/v1/%63onnectors', '/v1/connectors/', '/v1//connectors', '/v1/./connectors', '/v1/oauth/callback/../../connectors', '/v1/openapi.json/../connectors', '/v1/oauth%2Fcallback']) {
        const response = await fetch(`${env.server.url}${path}`);
        expect([401, 404], path).toContain(response.status);
        const text = await response.text();
        expect(text, path).not.toContain('"items"');
      }
    });

    it('accepts the scheme case-insensitively', async () => {
      const response = await env.request('GET', '/v1/orgs', undefined, { headers: { authorization: `bearer ${env.server.adminKey}` } });
      expect(response.status).toBe(200);
    });
  });

  describe('body parsing', () => {
    it('a non-JSON content type → 415 unsupported_media_type', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const response = await env.request('POST', '/v1/orgs', undefined, { raw: JSON.stringify({ id: 'typed', name: 'T' }), headers: { 'content-type': contentType } });
        expectProblem(response, 415, 'unsupported_media_type');
      }
    });

    it('a JSON body without a content type → 415', async () => {
      const response = await fetch(`${env.server.url}/v1/orgs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.server.adminKey}` },
        body: new Blob([JSON.stringify({ id: 'untyped', name: 'U' })]),
      });
      expect(response.status).toBe(415);
    });

    it('application/*+json and a charset are accepted', async () => {
      const response = await env.request('POST', '/v1/orgs', undefined, { raw: JSON.stringify({ id: 'charset-org', name: 'C' }), headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(response.status).toBe(201);
    });

    it('malformed JSON → 400 validation_failed on body', async () => {
      for (const raw of ['{', '{"id": }', "{'id': 'x'}", '{"id":"x",}', 'undefined', '\u0000']) {
        const response = await env.request('POST', '/v1/orgs', undefined, { raw, headers: { 'content-type': 'application/json' } });
        const problem = expectProblem(response, 400, 'validation_failed');
        expect(failingPaths(problem)).toContain('body');
      }
    });

    it('an empty body on a route with required fields → 400 naming them', async () => {
      const response = await env.request('POST', '/v1/connectors', undefined, { raw: '', headers: { 'content-type': 'application/json' } });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(failingPaths(problem)).toEqual(expect.arrayContaining(['body.name', 'body.serviceName', 'body.authorizationUrl', 'body.tokenUrl']));
    });
  });

  describe('unknown routes', () => {
    it('answer 404 not_found as a problem, with or without a key', async () => {
      expectProblem(await env.request('GET', '/v1/nothing-here'), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/connectors/acme/nope', {}), 404, 'not_found');
      // Outside /v1 the console answers (its page for every path it routes in the browser).
      const keyless = await fetch(`${env.server.url}/v1/nothing`);
      expect(keyless.status).toBe(404);
      expect(keyless.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });


  describe('connectors', () => {
    it('POST with every seed field → 201 with each field, redirectUrl and credentialsSet: false', async () => {
      const input = {
        name: 'Google Contacts',
        apiName: 'gcontacts',
        description: 'Contacts of a Google account',
        serviceName: 'Google',
        signupUrl: 'https://console.cloud.google.com/',
        authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenUrl: 'https://oauth2.googleapis.com/token',
        refreshUrl: 'https://oauth2.googleapis.com/token?refresh=1',
        revokeUrl: 'https://oauth2.googleapis.com/revoke',
        revokeUsing: 'access_token',
        scopes: ['https://www.googleapis.com/auth/contacts', 'openid'],
        scopeSeparator: ',',
        pkce: false,
        clientAuthMethod: 'client_secret_basic',
        authorizationParams: { access_type: 'offline', prompt: 'consent' },
        tokenParams: { audience: 'contacts' },
        tokenPlacement: { type: 'header', name: 'X-Api-Token', prefix: 'Token ' },
        issuer: 'https://accounts.google.com',
      };
      const response = await env.request('POST', '/v1/connectors', input);
      expect(response.status, response.text).toBe(201);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const { id, createdAt, updatedAt, ...rest } = response.body as Record<string, unknown>;
      expect(typeof id).toBe('string');
      expect(Number.isNaN(Date.parse(String(createdAt)))).toBe(false);
      expect(Number.isNaN(Date.parse(String(updatedAt)))).toBe(false);
      expect(rest).toEqual({ ...input, redirectUrl: `${env.server.publicUrl}/v1/oauth/callback`, credentialsSet: false });
      expect(env.server.redirectUrl).toBe(`${env.server.publicUrl}/v1/oauth/callback`);

      const fetched = await env.request('GET', '/v1/connectors/gcontacts');
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(response.body);
    });

    it('POST with the required fields only → the documented defaults, apiName derived from name', async () => {
      const response = await env.request('POST', '/v1/connectors', minimalConnector('Zoho CRM: Leads & Deals'));
      expect(response.status, response.text).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Zoho CRM: Leads & Deals',
        apiName: 'zohocrmleadsdeals',
        description: null,
        signupUrl: null,
        refreshUrl: null,
        revokeUrl: null,
        revokeUsing: null,
        scopes: [],
        scopeSeparator: ' ',
        pkce: true,
        clientAuthMethod: 'client_secret_post',
        authorizationParams: {},
        tokenParams: {},
        tokenPlacement: { type: 'header', name: 'Authorization', prefix: 'Bearer ' },
        issuer: null,
        redirectUrl: `${env.server.publicUrl}/v1/oauth/callback`,
        credentialsSet: false,
      });
    });

    it('tokenPlacement query gets its default name', async () => {
      const response = await env.request('POST', '/v1/connectors', minimalConnector('Query Placement', { tokenPlacement: { type: 'query' } }));
      expect(response.status, response.text).toBe(201);
      expect((response.body as { tokenPlacement: unknown }).tokenPlacement).toEqual({ type: 'query', name: 'access_token' });
    });

    it('a duplicate apiName (given or derived) → 409 conflict', async () => {
      expectProblem(await env.request('POST', '/v1/connectors', minimalConnector('Another', { apiName: 'acme' })), 409, 'conflict');
      expect((await env.request('POST', '/v1/connectors', minimalConnector('Dup Derived'))).status).toBe(201);
      expectProblem(await env.request('POST', '/v1/connectors', minimalConnector('dup-derived')), 409, 'conflict');
    });

    it('a name that yields no apiName and no apiName given → 400 naming apiName', async () => {
      const problem = expectProblem(await env.request('POST', '/v1/connectors', minimalConnector('!!! ???')), 400, 'validation_failed');
      expect(failingPaths(problem).some((p) => p.endsWith('apiName'))).toBe(true);
    });

    it('revokeUrl without revokeUsing → 400 naming revokeUsing', async () => {
      const problem = expectProblem(await env.request('POST', '/v1/connectors', minimalConnector('Revoker', { revokeUrl: 'https://auth.example.com/revoke' })), 400, 'validation_failed');
      expect(failingPaths(problem)).toContain('body.revokeUsing');
    });

    it('validation_failed lists every failing field, unknown fields included', async () => {
      const response = await env.request('POST', '/v1/connectors', {
        name: '',
        apiName: 'Bad Name',
        serviceName: 'S',
        authorizationUrl: 'ftp://example.com/auth',
        tokenUrl: 'https://user:pass@example.com/token',
        scopes: ['has space'],
        pkce: 'yes',
        clientAuthMethod: 'private_key_jwt',
        tokenPlacement: { type: 'cookie' },
        revokeUsing: 'id_token',
        clientSecret: 'should-not-be-here',
        extra: 1,
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(failingPaths(problem)).toEqual(
        expect.arrayContaining([
          'body.name',
          'body.apiName',
          'body.authorizationUrl',
          'body.tokenUrl',
          'body.scopes.0',
          'body.pkce',
          'body.clientAuthMethod',
          'body.tokenPlacement.type',
          'body.revokeUsing',
          'body.clientSecret',
          'body.extra',
        ]),
      );
      for (const error of problem.errors ?? []) expect(typeof error.message).toBe('string');
      expect(problem.errors!.find((e) => e.path === 'body.extra')!.message).toBe('unknown field');
    });

    it('rejects unknown fields nested in tokenPlacement', async () => {
      const problem = expectProblem(
        await env.request('POST', '/v1/connectors', minimalConnector('Nested Unknown', { tokenPlacement: { type: 'header', name: 'X', sneaky: 1 } })),
        400,
        'validation_failed',
      );
      expect(failingPaths(problem)).toContain('body.tokenPlacement.sneaky');
    });

    it('GET list includes the created connectors', async () => {
      const response = await env.request<{ items: Array<{ apiName: string; credentialsSet: boolean }> }>('GET', '/v1/connectors');
      expect(response.status).toBe(200);
      const acme = response.body.items.find((c) => c.apiName === 'acme');
      expect(acme?.credentialsSet).toBe(true);
      expect(response.body.items.map((c) => c.apiName)).toEqual(expect.arrayContaining(['acme', 'gcontacts', 'zohocrmleadsdeals']));
    });

    it('GET / PATCH / DELETE of an unknown connector → 404 not_found', async () => {
      expectProblem(await env.request('GET', '/v1/connectors/missing'), 404, 'not_found');
      expectProblem(await env.request('PATCH', '/v1/connectors/missing', { name: 'x' }), 404, 'not_found');
      expectProblem(await env.request('DELETE', '/v1/connectors/missing'), 404, 'not_found');
      expectProblem(await env.request('GET', '/v1/connectors/missing/credentials'), 404, 'not_found');
      expectProblem(await env.request('PUT', '/v1/connectors/missing/credentials', { clientId: 'a', clientSecret: 'b' }), 404, 'not_found');
      expectProblem(await env.request('GET', '/v1/connectors/missing/apis'), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/connectors/missing/apis', { name: 'A', method: 'GET', url: 'https://example.com/' }), 404, 'not_found');
    });

    it('PATCH changes fields, null clears optional ones, updatedAt moves, apiName is immutable', async () => {
      const created = await env.request('POST', '/v1/connectors', minimalConnector('Patchable', {
        description: 'before',
        signupUrl: 'https://example.com/signup',
        refreshUrl: 'https://auth.example.com/refresh',
        revokeUrl: 'https://auth.example.com/revoke',
        revokeUsing: 'refresh_token',
        issuer: 'https://auth.example.com',
      }));
      expect(created.status).toBe(201);
      const patched = await env.request('PATCH', '/v1/connectors/patchable', {
        name: 'Patched',
        description: null,
        signupUrl: null,
        refreshUrl: null,
        revokeUrl: null,
        issuer: null,
        scopes: ['a', 'b'],
        scopeSeparator: '+',
        pkce: false,
        clientAuthMethod: 'client_secret_basic',
        authorizationParams: { x: '1' },
        tokenParams: { y: '2' },
        tokenPlacement: { type: 'query', name: 'token' },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body).toMatchObject({
        apiName: 'patchable',
        name: 'Patched',
        description: null,
        signupUrl: null,
        refreshUrl: null,
        revokeUrl: null,
        revokeUsing: null,
        issuer: null,
        scopes: ['a', 'b'],
        scopeSeparator: '+',
        pkce: false,
        clientAuthMethod: 'client_secret_basic',
        authorizationParams: { x: '1' },
        tokenParams: { y: '2' },
        tokenPlacement: { type: 'query', name: 'token' },
      });
      const before = created.body as { createdAt: string; updatedAt: string; id: string };
      const after = patched.body as { createdAt: string; updatedAt: string; id: string };
      expect(after.id).toBe(before.id);
      expect(after.createdAt).toBe(before.createdAt);
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));

      const immutable = expectProblem(await env.request('PATCH', '/v1/connectors/patchable', { apiName: 'renamed' }), 400, 'validation_failed');
      expect(failingPaths(immutable)).toContain('body.apiName');
      expect((await env.request('GET', '/v1/connectors/patchable')).status).toBe(200);
      expect((await env.request('GET', '/v1/connectors/renamed')).status).toBe(404);

      // Required fields cannot be cleared.
      const required = expectProblem(await env.request('PATCH', '/v1/connectors/patchable', { name: null, tokenUrl: null }), 400, 'validation_failed');
      expect(failingPaths(required)).toEqual(expect.arrayContaining(['body.name', 'body.tokenUrl']));
      // revokeUrl again needs revokeUsing.
      const revoke = expectProblem(await env.request('PATCH', '/v1/connectors/patchable', { revokeUrl: 'https://auth.example.com/revoke' }), 400, 'validation_failed');
      expect(failingPaths(revoke).some((p) => p.endsWith('revokeUsing'))).toBe(true);
      const both = await env.request('PATCH', '/v1/connectors/patchable', { revokeUrl: 'https://auth.example.com/revoke', revokeUsing: 'access_token' });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ revokeUrl: 'https://auth.example.com/revoke', revokeUsing: 'access_token' });
      // An empty patch is a no-op, not an error.
      expect((await env.request('PATCH', '/v1/connectors/patchable', {})).status).toBe(200);
      // Unknown fields are refused on PATCH too.
      const unknown = expectProblem(await env.request('PATCH', '/v1/connectors/patchable', { credentialsSet: true }), 400, 'validation_failed');
      expect(failingPaths(unknown)).toContain('body.credentialsSet');
    });

    it('DELETE → 204, then 404', async () => {
      expect((await env.request('POST', '/v1/connectors', minimalConnector('Deletable'))).status).toBe(201);
      expect((await env.request('POST', '/v1/connectors/deletable/apis', { name: 'Ping', method: 'GET', url: 'https://example.com/ping' })).status).toBe(201);
      const deleted = await env.request('DELETE', '/v1/connectors/deletable');
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expectProblem(await env.request('GET', '/v1/connectors/deletable'), 404, 'not_found');
      expectProblem(await env.request('GET', '/v1/connectors/deletable/apis/ping'), 404, 'not_found');
      // The name is free again.
      expect((await env.request('POST', '/v1/connectors', minimalConnector('Deletable'))).status).toBe(201);
    });

    it('DELETE with a bad query → 400', async () => {
      const problem = expectProblem(await env.request('DELETE', '/v1/connectors/deletable?revokeConnections=maybe'), 400, 'validation_failed');
      expect(failingPaths(problem)).toContain('query.revokeConnections');
      expectProblem(await env.request('DELETE', '/v1/connectors/deletable?force=1'), 400, 'validation_failed');
    });
  });

  describe('credentials', () => {
    it('PUT → 200 {clientId, clientSecretSet: true, redirectUrl}; GET the same; the secret never comes back', async () => {
      expect((await env.request('POST', '/v1/connectors', minimalConnector('Creds'))).status).toBe(201);
      const before = await env.request('GET', '/v1/connectors/creds/credentials');
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ clientId: null, clientSecretSet: false, redirectUrl: `${env.server.publicUrl}/v1/oauth/callback` });

      const secret = 'creds-secret-value-a81f2c';
      const put = await env.request('PUT', '/v1/connectors/creds/credentials', { clientId: 'creds-client', clientSecret: secret });
      expect(put.status, put.text).toBe(200);
      expect(put.body).toEqual({ clientId: 'creds-client', clientSecretSet: true, redirectUrl: `${env.server.publicUrl}/v1/oauth/callback` });
      const got = await env.request('GET', '/v1/connectors/creds/credentials');
      expect(got.body).toEqual(put.body);
      const connector = await env.request('GET', '/v1/connectors/creds');
      expect((connector.body as { credentialsSet: boolean }).credentialsSet).toBe(true);
      // Replace.
      const replaced = await env.request('PUT', '/v1/connectors/creds/credentials', { clientId: 'creds-client-2', clientSecret: 'other' });
      expect((replaced.body as { clientId: string }).clientId).toBe('creds-client-2');

      for (const seen of env.responses()) expect(seen).not.toContain(secret);
    });

    it('PUT with missing, empty or extra fields → 400 naming them', async () => {
      const problem = expectProblem(await env.request('PUT', '/v1/connectors/creds/credentials', { clientId: '', extra: 'x' }), 400, 'validation_failed');
      expect(failingPaths(problem)).toEqual(expect.arrayContaining(['body.clientId', 'body.clientSecret', 'body.extra']));
    });
  });

  describe('APIs of a connector', () => {
    it('POST → 201 with identifier <connector>.<api> and the declared variables', async () => {
      const input = {
        name: 'Push Contact',
        description: 'Create a contact',
        method: 'POST',
        url: 'https://people.example.com/v1/${user}/contacts/${contactId}?v=${version}',
        headers: { 'X-Trace': '${trace}', Accept: 'application/json' },
        query: { lang: '${lang}', fixed: 'yes' },
        body: { type: 'json', template: '{"name":"${First_Name}","age":"${age}","where":"${connection.instance_url}"}' },
      };
      const response = await env.request('POST', '/v1/connectors/creds/apis', input);
      expect(response.status, response.text).toBe(201);
      const api = response.body as Record<string, unknown>;
      expect(api).toMatchObject({ ...input, connector: 'creds', apiName: 'pushcontact', identifier: 'creds.pushcontact' });
      expect(api['variables']).toEqual(expect.arrayContaining(['user', 'contactId', 'version', 'trace', 'lang', 'First_Name', 'age']));
      expect(api['variables']).not.toContain('connection.instance_url');
      expect((api['variables'] as string[]).length).toBe(7);

      const fetched = await env.request('GET', '/v1/connectors/creds/apis/pushcontact');
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(api);
    });

    it('defaults: body none, empty headers and query; explicit apiName kept', async () => {
      const response = await env.request('POST', '/v1/connectors/creds/apis', { name: 'List', apiName: 'list_all', method: 'GET', url: 'https://people.example.com/v1/list' });
      expect(response.status, response.text).toBe(201);
      expect(response.body).toMatchObject({ apiName: 'list_all', identifier: 'creds.list_all', body: { type: 'none' }, headers: {}, query: {}, variables: [], description: null });
    });

    it('a URL whose origin comes from the connection is accepted', async () => {
      const response = await env.request('POST', '/v1/connectors/creds/apis', { name: 'Instance', method: 'GET', url: '${connection.instance_url}/services/data/${version}' });
      expect(response.status, response.text).toBe(201);
      expect((response.body as { variables: string[] }).variables).toEqual(['version']);
    });

    it('a variable in the host, port, scheme or userinfo → 400 at create (and at PATCH)', async () => {
      const bad = [
        'https://${host}/path',
        'https://${sub}.example.com/path',
        'https://example.com${path}',
        'https://example.com:${port}/x',
        '${scheme}://example.com/x',
        'https://${user}@example.com/x',
        'https://example.com/a/../b',
        'https://example.com/a#${frag}',
        '${connection.}/x',
        '${connection.instance_url}${path}',
      ];
      for (const url of bad) {
        const response = await env.request('POST', '/v1/connectors/creds/apis', { name: 'Bad URL', apiName: 'badurl', method: 'GET', url });
        const problem = expectProblem(response, 400, 'validation_failed');
        expect(failingPaths(problem), url).toContain('body.url');
      }
      const patch = await env.request('PATCH', '/v1/connectors/creds/apis/list_all', { url: 'https://${host}/x' });
      expect(failingPaths(expectProblem(patch, 400, 'validation_failed'))).toContain('body.url');
    });

    it('validation: method, body type, header names and values, unknown fields', async () => {
      const response = await env.request('POST', '/v1/connectors/creds/apis', {
        name: 'Bad',
        apiName: 'B',
        method: 'FETCH',
        url: 'not a url',
        headers: { 'Bad Header': 'x', Good: 'line\r\nbreak' },
        body: { type: 'xml', extra: 1 },
        other: true,
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      const paths = failingPaths(problem);
      expect(paths).toEqual(expect.arrayContaining(['body.apiName', 'body.method', 'body.url', 'body.body.type', 'body.body.extra', 'body.other']));
      expect(paths.some((p) => p.startsWith('body.headers'))).toBe(true);
    });

    it('headers the HTTP client manages (Host, Transfer-Encoding, Connection…) are refused at create', async () => {
      for (const name of ['Host', 'Transfer-Encoding', 'transfer-encoding', 'Content-Length', 'Connection', 'Keep-Alive', 'Upgrade', 'Expect', 'TE', 'Trailer']) {
        const problem = expectProblem(
          await env.request('POST', '/v1/connectors/creds/apis', { name: 'Managed', apiName: 'managed', method: 'POST', url: 'https://people.example.com/x', headers: { [name]: 'x' } }),
          400,
          'validation_failed',
        );
        expect(failingPaths(problem).some((p) => p.startsWith('body.headers')), name).toBe(true);
      }
      const patch = await env.request('PATCH', '/v1/connectors/creds/apis/pushcontact', { headers: { 'Transfer-Encoding': 'chunked' } });
      expectProblem(patch, 400, 'validation_failed');
    });

    it('a duplicate API name → 409', async () => {
      expectProblem(await env.request('POST', '/v1/connectors/creds/apis', { name: 'List', apiName: 'list_all', method: 'GET', url: 'https://people.example.com/' }), 409, 'conflict');
    });

    it('GET list, PATCH (apiName immutable), DELETE', async () => {
      const list = await env.request<{ items: Array<{ identifier: string }> }>('GET', '/v1/connectors/creds/apis');
      expect(list.status).toBe(200);
      expect(list.body.items.map((a) => a.identifier)).toEqual(expect.arrayContaining(['creds.pushcontact', 'creds.list_all', 'creds.instance']));

      const patched = await env.request('PATCH', '/v1/connectors/creds/apis/list_all', {
        name: 'List all',
        description: 'every item',
        method: 'POST',
        url: 'https://people.example.com/v2/${page}',
        headers: { 'X-A': '1' },
        query: { q: '${q}' },
        body: { type: 'form', template: 'a=${a}' },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body).toMatchObject({ name: 'List all', description: 'every item', method: 'POST', url: 'https://people.example.com/v2/${page}', headers: { 'X-A': '1' }, query: { q: '${q}' }, body: { type: 'form', template: 'a=${a}' }, apiName: 'list_all' });
      expect((patched.body as { variables: string[] }).variables.sort()).toEqual(['a', 'page', 'q']);
      const cleared = await env.request('PATCH', '/v1/connectors/creds/apis/list_all', { description: null });
      expect((cleared.body as { description: unknown }).description).toBeNull();

      const immutable = expectProblem(await env.request('PATCH', '/v1/connectors/creds/apis/list_all', { apiName: 'other' }), 400, 'validation_failed');
      expect(failingPaths(immutable)).toContain('body.apiName');

      expectProblem(await env.request('GET', '/v1/connectors/creds/apis/missing'), 404, 'not_found');
      expectProblem(await env.request('PATCH', '/v1/connectors/creds/apis/missing', { name: 'x' }), 404, 'not_found');
      expectProblem(await env.request('DELETE', '/v1/connectors/creds/apis/missing'), 404, 'not_found');

      const deleted = await env.request('DELETE', '/v1/connectors/creds/apis/list_all');
      expect(deleted.status).toBe(204);
      expectProblem(await env.request('GET', '/v1/connectors/creds/apis/list_all'), 404, 'not_found');
    });
  });

  describe('orgs', () => {
    it('dev exists; POST creates; GET lists; duplicate → 409; bad ids → 400', async () => {
      const initial = await env.request<{ items: Array<{ id: string; name: string; createdAt: string }> }>('GET', '/v1/orgs');
      expect(initial.status).toBe(200);
      expect(initial.body.items.map((o) => o.id)).toContain('dev');

      const created = await env.request('POST', '/v1/orgs', { id: 'customer-1', name: 'Customer One' });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ id: 'customer-1', name: 'Customer One' });
      expect(Number.isNaN(Date.parse((created.body as { createdAt: string }).createdAt))).toBe(false);

      const listed = await env.request<{ items: Array<{ id: string }> }>('GET', '/v1/orgs');
      expect(listed.body.items.map((o) => o.id)).toEqual(expect.arrayContaining(['dev', 'customer-1']));

      expectProblem(await env.request('POST', '/v1/orgs', { id: 'customer-1', name: 'Again' }), 409, 'conflict');
      expectProblem(await env.request('POST', '/v1/orgs', { id: 'dev', name: 'Dev again' }), 409, 'conflict');

      for (const id of ['A', 'UPPER', '-lead', 'a', 'has space', 'x'.repeat(64), '../x', 'a/b']) {
        const problem = expectProblem(await env.request('POST', '/v1/orgs', { id, name: 'Bad' }), 400, 'validation_failed');
        expect(failingPaths(problem), id).toContain('body.id');
      }
      const unknown = expectProblem(await env.request('POST', '/v1/orgs', { id: 'ok-org', name: 'N', plan: 'pro' }), 400, 'validation_failed');
      expect(failingPaths(unknown)).toContain('body.plan');
      const blank = expectProblem(await env.request('POST', '/v1/orgs', { id: 'ok-org', name: '   ' }), 400, 'validation_failed');
      expect(failingPaths(blank)).toContain('body.name');
    });
  });

  describe('connections', () => {
    it('before authorizing: list shows not_authorized; get answers not_authorized', async () => {
      const list = await env.request<{ items: Array<{ connector: string; status: string }> }>('GET', '/v1/orgs/dev/connections');
      expect(list.status).toBe(200);
      expect(list.body.items.find((c) => c.connector === 'acme')?.status).toBe('not_authorized');
      const one = await env.request('GET', '/v1/orgs/dev/connections/acme');
      expect(one.status).toBe(200);
      expect(one.body).toEqual({
        connector: 'acme',
        name: 'Acme CRM',
        description: 'The bundled demo CRM: contacts and file uploads behind OAuth 2.0.',
        // Never published: no logo to show.
        logoUrl: null,
        status: 'not_authorized',
        scopes: [],
        authorizedAt: null,
        expiresAt: null,
        lastRefreshedAt: null,
        lastError: null,
        // Org `dev` uses the draft, brought by no solution.
        solutions: [],
        version: null,
      });
    });

    it('start authorization → 200 {authorizationUrl, expiresAt} with state, PKCE and the redirect URL', async () => {
      const response = await env.request('POST', '/v1/orgs/dev/connections/acme/authorize', { returnTo: '/console/connected' });
      expect(response.status, response.text).toBe(200);
      const body = response.body as { authorizationUrl: string; expiresAt: string };
      expect(Object.keys(body).sort()).toEqual(['authorizationUrl', 'expiresAt']);
      const url = new URL(body.authorizationUrl);
      expect(`${url.origin}${url.pathname}`).toBe(env.demo.authorizationUrl);
      expect(url.searchParams.get('client_id')).toBe(DEMO_CLIENT_ID);
      expect(url.searchParams.get('redirect_uri')).toBe(env.server.redirectUrl);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(22);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      // Empty body is fine (every field optional).
      const empty = await env.request('POST', '/v1/orgs/dev/connections/acme/authorize', undefined, { raw: '' });
      expect(empty.status, empty.text).toBe(200);
    });

    it('start authorization problems: bad returnTo, unknown org / connector, no credentials', async () => {
      for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'relative', '/a b', 'javascript:alert(1)']) {
        const problem = expectProblem(await env.request('POST', '/v1/orgs/dev/connections/acme/authorize', { returnTo }), 400, 'validation_failed');
        expect(failingPaths(problem), returnTo).toContain('body.returnTo');
      }
      expectProblem(await env.request('POST', '/v1/orgs/dev/connections/acme/authorize', { unknown: 1 }), 400, 'validation_failed');
      expectProblem(await env.request('POST', '/v1/orgs/nobody/connections/acme/authorize', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/connections/missing/authorize', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/connections/gcontacts/authorize', {}), 409, 'credentials_not_set');
      expectProblem(await env.request('GET', '/v1/orgs/nobody/connections'), 404, 'not_found');
      expectProblem(await env.request('GET', '/v1/orgs/dev/connections/missing'), 404, 'not_found');
      expectProblem(await env.request('DELETE', '/v1/orgs/dev/connections/missing'), 404, 'not_found');
    });

    it('callback problems: no state, unknown state → 400 (page or problem), nothing stored', async () => {
      const page = await fetch(`${env.server.url}/v1/oauth/callback?state=unknown&code=abc`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      await page.text();
      const problem = await fetch(`${env.server.url}/v1/oauth/callback?code=abc`, { headers: { accept: 'application/json' } });
      expect(problem.status).toBe(400);
      expect(problem.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await problem.json()) as Problem).code).toBe('invalid_state');
      const tooLong = await fetch(`${env.server.url}/v1/oauth/callback?state=${'s'.repeat(600)}`, { headers: { accept: 'application/json' } });
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as Problem).code).toBe('validation_failed');
      const one = await env.request<{ status: string }>('GET', '/v1/orgs/dev/connections/acme');
      expect(one.body.status).toBe('not_authorized');
    });

    it('authorize → callback 200 page → connection authorized (no token in the view) → revoke', async () => {
      // A subscriber org (created by the orgs test) uses what it installed.
      expectProblem(await env.request('POST', '/v1/orgs/customer-1/connections/acme/authorize', {}), 404, 'connector_not_installed');
      const { solution } = await env.install('customer-1', ['acme']);
      const callback = await env.authorize('customer-1');
      expect(callback.status).toBe(200);
      expect(callback.headers.get('cache-control')).toBe('no-store');
      expect(callback.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await callback.text()).toContain('Connected');

      const one = await env.request('GET', '/v1/orgs/customer-1/connections/acme');
      expect(one.status).toBe(200);
      const view = one.body as Record<string, unknown>;
      expect(Object.keys(view).sort()).toEqual([
        'authorizedAt',
        'connector',
        'description',
        'expiresAt',
        'lastError',
        'lastRefreshedAt',
        'logoUrl',
        'name',
        'scopes',
        'solutions',
        'status',
        'version',
      ]);
      expect(view['status']).toBe('authorized');
      expect(view['solutions']).toEqual([solution]);
      expect(view['version']).toEqual(expect.any(Number));
      expect(view['scopes']).toEqual(expect.arrayContaining(['contacts:read', 'contacts:write', 'files:write']));
      expect(Date.parse(String(view['expiresAt']))).toBeGreaterThan(Date.now());
      const list = await env.request<{ items: Array<{ connector: string; status: string }> }>('GET', '/v1/orgs/customer-1/connections');
      expect(list.body.items.find((c) => c.connector === 'acme')?.status).toBe('authorized');

      // A connector a release records cannot be deleted at all (live connections or not).
      expectProblem(await env.request('DELETE', '/v1/connectors/acme'), 409, 'in_use');

      const revoked = await env.request('DELETE', '/v1/orgs/customer-1/connections/acme');
      expect(revoked.status, revoked.text).toBe(200);
      expect(revoked.body).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
      const after = await env.request<{ status: string }>('GET', '/v1/orgs/customer-1/connections/acme');
      expect(after.body.status).toBe('not_authorized');
      // Revoking again: nothing to revoke, still a clean answer.
      const again = await env.request('DELETE', '/v1/orgs/customer-1/connections/acme');
      expect(again.status).toBeLessThan(500);
    });

    it('callback with returnTo → 303 to it', async () => {
      const { callback: redirect } = await env.consent('customer-1', 'acme', { body: { returnTo: '/done?x=1' } });
      const response = await fetch(redirect, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/done?x=1');
      expect(response.headers.get('cache-control')).toBe('no-store');
      // Replaying the same callback: the state was single use.
      const replay = await fetch(redirect, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect(replay.status).toBe(400);
      expect(((await replay.json()) as Problem).code).toBe('invalid_state');
    });

    it('DELETE connector with revokeConnections=true revokes live connections first', async () => {
      // customer-1 is authorized again by the previous test.
      await env.createAcmeConnector({ name: 'Acme Two', apiName: 'acme_two' });
      expect((await env.authorize('dev', 'acme_two')).status).toBe(200);
      const revocationsBefore = env.demo.stats().revocations;
      expectProblem(await env.request('DELETE', '/v1/connectors/acme_two'), 409, 'conflict');
      expect((await env.request('DELETE', '/v1/connectors/acme_two?revokeConnections=true')).status).toBe(204);
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);
      expectProblem(await env.request('GET', '/v1/orgs/dev/connections/acme_two'), 404, 'not_found');
    });
  });

  describe('invoke route problems', () => {
    it('unknown org, connector, api, or a target without a dot → 404', async () => {
      expectProblem(await env.request('POST', '/v1/orgs/nobody/invoke/acme.echo', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/missing.echo', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.missing', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acmeecho', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.', {}), 404, 'not_found');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/.echo', {}), 404, 'not_found');
    });

    it('bad data objects → 400 naming the field', async () => {
      const cases: Array<[unknown, string]> = [
        [{ CONTENT_TYPE: 'xml' }, 'body.CONTENT_TYPE'],
        [{ VARIABLES: 'x' }, 'body.VARIABLES'],
        [{ PARTS: [{ name: 'a' }] }, 'body.PARTS.0'],
        [{ FILE: { filename: 'a.txt', content: 'not base64!!' } }, 'body.FILE.content'],
        [{ FILE: { filename: 'a.txt', content: 'AAAA', extra: 1 } }, 'body.FILE.extra'],
      ];
      for (const [data, path] of cases) {
        const problem = expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.echo', data), 400, 'validation_failed');
        expect(failingPaths(problem).some((p) => p.startsWith(path)), `${JSON.stringify(data)} → ${JSON.stringify(problem.errors)}`).toBe(true);
      }
    });

    it('a broken multipart body → 400', async () => {
      const response = await env.request('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: '--x\r\nnot a part', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
      expectProblem(response, 400, 'validation_failed');
    });
  });

  describe('size caps', () => {
    it('a JSON body over the request cap → 413 payload_too_large', async () => {
      const big = JSON.stringify({ id: 'big', name: 'x'.repeat(26 * 1024 * 1024) });
      const response = await env.request('POST', '/v1/orgs', undefined, { raw: big, headers: { 'content-type': 'application/json' } }).catch((error: unknown) => error);
      // The server may close the connection once it has answered; either way nothing was created.
      if (!(response instanceof Error)) expectProblem(response as ApiResponse, 413, 'payload_too_large');
      const orgs = await env.request<{ items: Array<{ id: string }> }>('GET', '/v1/orgs');
      expect(orgs.body.items.map((o) => o.id)).not.toContain('big');
    });

    it('a multipart invoke over the request cap → 413 payload_too_large, nothing sent upstream', async () => {
      const before = env.demo.stats().apiRequests;
      const form = new FormData();
      form.append('FILE', new Blob([new Uint8Array(26 * 1024 * 1024)]), 'big.bin');
      const response = await env.request('POST', '/v1/orgs/dev/invoke/acme.uploadfile', undefined, { raw: form }).catch((error: unknown) => error);
      if (!(response instanceof Error)) expectProblem(response as ApiResponse, 413, 'payload_too_large');
      expect(env.demo.stats().apiRequests).toBe(before);
    });

    it('a chunked multipart invoke (no Content-Length) over the cap → 413, nothing sent upstream', async () => {
      const before = env.demo.stats().apiRequests;
      const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="FILE"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n');
      const chunk = new Uint8Array(1024 * 1024);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(head);
          if (sent >= 30) return controller.close();
          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${env.server.url}/v1/orgs/dev/invoke/acme.uploadfile`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.server.adminKey}`, 'content-type': 'multipart/form-data; boundary=b' },
        body,
        duplex: 'half',
      } as RequestInit).catch((error: unknown) => error);
      if (!(response instanceof Error)) {
        const problem = response as Response;
        expect(problem.status).toBe(413);
        // The unread rest of the body ends the connection: the client is told not to reuse it.
        expect(problem.headers.get('connection')).toBe('close');
        expect(((await problem.json()) as { code: string }).code).toBe('payload_too_large');
      }
      expect(env.demo.stats().apiRequests).toBe(before);
    });
  });

  describe('fuzz: garbage never causes a 5xx', () => {
    it.each(bodyRoutes)('$method $path', async (route) => {
      for (const garbage of garbageBodies) {
        const response = await env.request(route.method, route.path, undefined, { raw: garbage.raw, headers: { 'content-type': 'application/json' } });
        expect(response.status, `${garbage.label}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
        expect(response.status, garbage.label).toBeGreaterThanOrEqual(200);
        if (response.status >= 400) expect(response.headers.get('content-type'), garbage.label).toMatch(/^application\/problem\+json/);
      }
      // Raw bytes that are not UTF-8, and content types that lie.
      const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0x7d]);
      for (const contentType of ['application/json', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/octet-stream', '']) {
        const response = await env.request(route.method, route.path, undefined, { raw: bytes, headers: { 'content-type': contentType } });
        expect(response.status, `bytes as ${contentType}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
      }
    });

    it('odd path parameters never cause a 5xx', async () => {
      const odd = ['%00', '%ff', '..%2f..%2f', "'%20OR%201=1--", 'x'.repeat(3000), '%E2%80%AE', '__proto__', 'constructor'];
      for (const value of odd) {
        for (const path of [`/v1/connectors/${value}`, `/v1/connectors/${value}/apis/${value}`, `/v1/orgs/${value}/connections`, `/v1/orgs/${value}/connections/${value}`, `/v1/orgs/dev/invoke/${value}.${value}`]) {
          for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
            const response = await env.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
            expect(response.status, `${method} ${path}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
          }
        }
      }
    });

    it('odd callback queries never cause a 5xx', async () => {
      const queries = ['state=%00', 'state=a&state=b', 'error=%3Cscript%3E', 'code=' + 'c'.repeat(5000), 'iss=http://x&state=y', '%ff=%ff', 'state[]=x'];
      for (const query of queries) {
        const response = await fetch(`${env.server.url}/v1/oauth/callback?${query}`);
        expect(response.status, query).toBeLessThan(500);
        await response.arrayBuffer();
      }
    });
  });

  it('logged no unhandled error', () => {
    expect(env.logs()).not.toContain('unhandled error');
    expect(env.logs()).not.toContain('internal error');
  });
});
