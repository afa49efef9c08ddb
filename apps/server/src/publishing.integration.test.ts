import type { Problem, VersionSummaryView, VersionView } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, TEST_LOGO_PNG_BASE64, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * Publishing over a real socket on both databases: the three body forms, the logo checks (by
 * content, size, SVG safety), publishability, immutable versions and how the logo is served.
 */

const PNG = Buffer.from(TEST_LOGO_PNG_BASE64, 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#08f"/></svg>';
const svgWith = (inner: string, rootAttributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${rootAttributes}>${inner}</svg>`;
const base64 = (text: string) => Buffer.from(text).toString('base64');

const body = (overrides: Record<string, unknown> = {}) => ({
  logo: TEST_LOGO_PNG_BASE64,
  supportEmail: 'support@acme.example',
  releaseNotes: 'First release.',
  ...overrides,
});

const reasonOf = (problem: Problem) => String(problem['reason']);
const failingPaths = (problem: Problem) => (problem.errors ?? []).map((e) => e.path);

describe.each(testDatabases())('publishing on $name', (database) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  const publish = (connector: string, payload: unknown) => env.request('POST', `/v1/connectors/${connector}/publish`, payload);
  const publishForm = (connector: string, form: FormData) => env.request('POST', `/v1/connectors/${connector}/publish`, undefined, { raw: form });
  const form = (logo: Blob | string | null, fields: Record<string, string> = { supportEmail: 'support@acme.example', releaseNotes: 'From a form.' }) => {
    const data = new FormData();
    // The filename says nothing true about the content: it is ignored.
    if (typeof logo === 'string') data.append('logo', logo);
    else if (logo !== null) data.append('logo', logo, 'logo.gif');
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };
  const versionCount = async (connector: string) => (await env.request<{ items: VersionSummaryView[] }>('GET', `/v1/connectors/${connector}/versions`)).body.items.length;

  it('publishes from JSON base64, a data URL and multipart; versions count up and list newest first', async () => {
    const connector = await env.newConnector();
    const first = await publish(connector, body());
    expect(first.status, first.text).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual(['publishedAt', 'version']);
    expect(first.body.version).toBe(1);
    expect(Number.isNaN(Date.parse(first.body.publishedAt))).toBe(false);

    const second = await publish(connector, body({ logo: `data:image/svg+xml;base64,${base64(SVG)}`, releaseNotes: 'SVG logo.' }));
    expect(second.status, second.text).toBe(201);
    expect(second.body.version).toBe(2);

    const third = await publishForm(connector, form(new Blob([PNG], { type: 'image/png' })));
    expect(third.status, third.text).toBe(201);
    expect(third.body.version).toBe(3);

    // A percent-encoded SVG data URL, and a multipart file part without a declared type.
    expect((await publish(connector, body({ logo: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)}` }))).body.version).toBe(4);
    expect((await publishForm(connector, form(new Blob([SVG])))).body.version).toBe(5);

    const list = await env.request<{ items: VersionSummaryView[] }>('GET', `/v1/connectors/${connector}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(list.body.items.map((v) => v.logoContentType)).toEqual(['image/svg+xml', 'image/svg+xml', 'image/png', 'image/svg+xml', 'image/png']);
    const apiCount = (await env.request<{ items: unknown[] }>('GET', `/v1/connectors/${connector}/apis`)).body.items.length;
    expect(list.body.items[4]).toMatchObject({ connector, version: 1, supportEmail: 'support@acme.example', apiCount, logoUrl: `/v1/connectors/${connector}/versions/1/logo` });
  });

  it('concurrent publishes get distinct, consecutive version numbers', async () => {
    const connector = await env.newConnector();
    const results = await Promise.all(Array.from({ length: 5 }, () => publish(connector, body())));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('GET a version answers the snapshot in the draft shapes; editing the draft never changes it', async () => {
    const connector = await env.newConnector();
    expect((await publish(connector, body({ releaseNotes: 'Snapshot me.' }))).status).toBe(201);
    const before = await env.request<VersionView>('GET', `/v1/connectors/${connector}/versions/1`);
    expect(before.status, before.text).toBe(200);
    const draft = await env.request('GET', `/v1/connectors/${connector}`);
    const draftApi = await env.request('GET', `/v1/connectors/${connector}/apis/echo`);
    expect(before.body).toMatchObject({ connector, version: 1, supportEmail: 'support@acme.example', releaseNotes: 'Snapshot me.', logoContentType: 'image/png' });
    expect(before.body.definition).toEqual(draft.body);
    expect(before.body.apis.find((api) => api.apiName === 'echo')).toEqual(draftApi.body);

    // Edit the draft: connector fields, an API, a new API, a deleted API.
    expect((await env.request('PATCH', `/v1/connectors/${connector}`, { name: 'Renamed', scopes: ['openid'] })).status).toBe(200);
    expect((await env.request('PATCH', `/v1/connectors/${connector}/apis/echo`, { url: `${env.demo.apiBaseUrl}/elsewhere/\${path}`, method: 'PUT' })).status).toBe(200);
    expect((await env.request('POST', `/v1/connectors/${connector}/apis`, { name: 'Late', apiName: 'late', method: 'GET', url: `${env.demo.apiBaseUrl}/late` })).status).toBe(201);
    expect((await env.request('DELETE', `/v1/connectors/${connector}/apis/createcontact`)).status).toBe(204);

    const after = await env.request<VersionView>('GET', `/v1/connectors/${connector}/versions/1`);
    expect(after.body).toEqual(before.body);

    // The next version takes the edits.
    expect((await publish(connector, body())).body.version).toBe(2);
    const second = await env.request<VersionView>('GET', `/v1/connectors/${connector}/versions/2`);
    expect(second.body.definition.name).toBe('Renamed');
    expect(second.body.apis.map((api) => api.apiName)).toContain('late');
    expect(second.body.apis.map((api) => api.apiName)).not.toContain('createcontact');
    expect(second.body.apis.find((api) => api.apiName === 'echo')?.method).toBe('PUT');
  });

  it('serves the logo byte-exact with its type, nosniff, a sandboxing CSP and immutable caching', async () => {
    const connector = await env.newConnector();
    expect((await publish(connector, body())).status).toBe(201);
    expect((await publishForm(connector, form(new Blob([SVG], { type: 'image/svg+xml' })))).status).toBe(201);
    for (const [n, bytes, type] of [[1, PNG, 'image/png'], [2, Buffer.from(SVG), 'image/svg+xml']] as const) {
      const response = await fetch(`${env.server.url}/v1/connectors/${connector}/versions/${n}/logo`, { headers: { authorization: `Bearer ${env.server.adminKey}` } });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
      expect(response.headers.get('cache-control')).toContain('immutable');
    }
    // The logo needs the admin key like every builder route.
    expect((await fetch(`${env.server.url}/v1/connectors/${connector}/versions/1/logo`)).status).toBe(401);
  });

  describe('refuses bad input with 400 and stores nothing', () => {
    let connector: string;
    beforeAll(async () => {
      connector = await env.newConnector();
    });

    it.each([
      ['an oversized logo', () => body({ logo: Buffer.concat([PNG, Buffer.alloc(256 * 1024)]).toString('base64') }), 'larger than 256 KB'],
      ['a data URL labeled PNG holding SVG', () => body({ logo: `data:image/png;base64,${base64(SVG)}` }), 'mislabeled'],
      ['a data URL labeled JPEG holding PNG', () => body({ logo: `data:image/jpeg;base64,${TEST_LOGO_PNG_BASE64}` }), 'mislabeled'],
      ['a GIF', () => body({ logo: base64('GIF89a\u0001\u0000\u0001\u0000') }), 'not a PNG, JPEG or SVG'],
      ['a declared GIF', () => body({ logo: `data:image/gif;base64,${TEST_LOGO_PNG_BASE64}` }), 'declared as image/gif'],
      ['an SVG data URL declared in UTF-16', () => body({ logo: `data:image/svg+xml;charset=utf-16,${encodeURIComponent(SVG)}` }), 'declares charset "utf-16", but only UTF-8 is accepted'],
      ['a script-bearing SVG', () => body({ logo: base64(svgWith('<script>alert(document.cookie)</script>')) }), '<script>'],
      ['an SVG with an external href', () => body({ logo: base64(svgWith('<use href="https://evil.example/sprite.svg#a"/>')) }), 'only same-document references'],
      ['an SVG with an event handler', () => body({ logo: base64(svgWith('<rect width="1" height="1"/>', ' onload="alert(1)"')) }), 'event handler attribute onload'],
      ['an SVG with a foreignObject', () => body({ logo: base64(svgWith('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>')) }), 'foreignObject'],
      ['an SVG with entities', () => body({ logo: base64(`<!DOCTYPE svg [<!ENTITY a "b">]>${svgWith('<text>&a;</text>')}`) }), 'DOCTYPE'],
      ['text that is neither base64 nor a data URL', () => body({ logo: 'not base64!' }), 'neither base64 nor a data URL'],
      ['base64 of something that is no image', () => body({ logo: base64('hello world') }), 'not a PNG, JPEG or SVG'],
    ])('invalid_logo: %s', async (_label, payload, reason) => {
      const problem = expectProblem(await publish(connector, payload()), 400, 'invalid_logo');
      expect(reasonOf(problem)).toContain(reason);
      expect(problem.detail).toContain(reason);
    });

    it('invalid_logo for a mislabeled multipart part and an unsafe SVG file', async () => {
      expect(reasonOf(expectProblem(await publishForm(connector, form(new Blob([PNG], { type: 'image/jpeg' }))), 400, 'invalid_logo'))).toContain('mislabeled');
      expect(reasonOf(expectProblem(await publishForm(connector, form(new Blob([SVG], { type: 'image/png' }))), 400, 'invalid_logo'))).toContain('mislabeled');
      const unsafe = svgWith('<a href="javascript:alert(1)"><rect/></a>');
      expect(reasonOf(expectProblem(await publishForm(connector, form(new Blob([unsafe], { type: 'image/svg+xml' }))), 400, 'invalid_logo'))).toContain('not allowed');
    });

    it.each([
      ['a bad email', body({ supportEmail: 'not an email' }), 'body.supportEmail'],
      ['missing release notes', body({ releaseNotes: undefined }), 'body.releaseNotes'],
      ['blank release notes', body({ releaseNotes: '   ' }), 'body.releaseNotes'],
      ['oversized release notes', body({ releaseNotes: 'x'.repeat(10_001) }), 'body.releaseNotes'],
      ['a missing logo', body({ logo: undefined }), 'body.logo'],
      ['an unknown field', body({ version: 7 }), 'body.version'],
    ])('validation_failed: %s', async (_label, payload, path) => {
      expect(failingPaths(expectProblem(await publish(connector, payload), 400, 'validation_failed'))).toContain(path);
    });

    it('validation_failed for multipart without a logo, with a bad email, or with unknown fields', async () => {
      expect(failingPaths(expectProblem(await publishForm(connector, form(null)), 400, 'validation_failed'))).toContain('body.logo');
      const badEmail = form(new Blob([PNG], { type: 'image/png' }), { supportEmail: 'nope', releaseNotes: 'x' });
      expect(failingPaths(expectProblem(await publishForm(connector, badEmail), 400, 'validation_failed'))).toContain('body.supportEmail');
      const extra = form(new Blob([PNG], { type: 'image/png' }), { supportEmail: 'a@b.example', releaseNotes: 'x', colour: 'red' });
      expect(failingPaths(expectProblem(await publishForm(connector, extra), 400, 'validation_failed'))).toContain('body.colour');
    });

    it('release notes of exactly 10,000 characters are accepted', async () => {
      const other = await env.newConnector();
      expect((await publish(other, body({ releaseNotes: 'x'.repeat(10_000) }))).status).toBe(201);
    });

    it('nothing was published by the refused requests', async () => {
      expect(await versionCount(connector)).toBe(0);
    });
  });

  it('409 not_publishable with the reason: no APIs, then no credentials', async () => {
    const bare = await env.request('POST', '/v1/connectors', { name: 'Bare', apiName: 'bare_connector', serviceName: 'Bare', authorizationUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t' });
    expect(bare.status).toBe(201);
    const noApis = expectProblem(await publish('bare_connector', body()), 409, 'not_publishable');
    expect(noApis['reason']).toBe('no_apis');
    expect((await env.request('POST', '/v1/connectors/bare_connector/apis', { name: 'Ping', apiName: 'ping', method: 'GET', url: 'https://api.example.com/ping' })).status).toBe(201);
    const noCredentials = expectProblem(await publish('bare_connector', body()), 409, 'not_publishable');
    expect(noCredentials['reason']).toBe('no_credentials');
    expect(await versionCount('bare_connector')).toBe(0);
    // Input is checked before state: a bad logo is a 400 even here.
    expectProblem(await publish('bare_connector', body({ logo: 'not base64!' })), 400, 'invalid_logo');
  });

  it('404 for an unknown connector or version, and for version numbers of the wrong shape', async () => {
    expectProblem(await publish('nosuchconnector', body()), 404, 'not_found');
    expectProblem(await env.request('GET', '/v1/connectors/nosuchconnector/versions'), 404, 'not_found');
    for (const n of ['99', '0', '-1', 'abc', '1.5', '01']) {
      expectProblem(await env.request('GET', `/v1/connectors/acme/versions/${n}`), 404, 'not_found');
      expectProblem(await env.request('GET', `/v1/connectors/acme/versions/${n}/logo`), 404, 'not_found');
    }
  });

  it('a body over the publish cap is 413, and a garbled multipart body is 400', async () => {
    const huge = 'A'.repeat(3 * 1024 * 1024);
    expectProblem(await publish('acme', body({ logo: huge })), 413, 'payload_too_large');
    const garbled: ApiResponse = await env.request('POST', '/v1/connectors/acme/publish', undefined, { raw: '--x\r\nnonsense', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expectProblem(garbled, 400, 'validation_failed');
  });

  it('the OpenAPI document lists the version routes', async () => {
    const doc = await env.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/v1/openapi.json');
    for (const path of ['/v1/connectors/{connector}/publish', '/v1/connectors/{connector}/versions', '/v1/connectors/{connector}/versions/{n}', '/v1/connectors/{connector}/versions/{n}/logo']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });
});
