import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../../apps/server/src/testing/closed-port.js';
import { createTestEnvironment, type TestEnvironment } from '../../../apps/server/src/testing/test-environment.js';
import { init } from './init.js';
import type { SwitchboardClient } from './switchboard-client.js';
import { SwitchboardError } from './switchboard-error.js';

/**
 * The client against a real Switchboard server and the real demo service over loopback. The
 * browser is played by a `fetch` that adds the page's `Origin`, as a browser does for a
 * cross-origin request; everything else is the production code on both sides.
 */

const APP = 'https://widget.example.com';

/** A browser's fetch from a page at `origin`, recording each request's body. */
function browserFetch(origin: string, bodies: unknown[] = []): typeof fetch {
  return (input, requestInit = {}) => {
    bodies.push(requestInit.body);
    const headers = new Headers(requestInit.headers);
    headers.set('origin', origin);
    return fetch(input, { ...requestInit, headers });
  };
}

/** A well-formed session token of `org` that no session has (`sbs_<org>.<id>.<secret>`). */
const sampleToken = (org: string): string => `sbs_${org}.${randomBytes(8).toString('hex')}.${randomBytes(32).toString('base64url')}`;

/** The secret part of a session token: the last. */
const secretOf = (token: string): string => token.slice(token.lastIndexOf('.') + 1);

/** The SwitchboardError a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<SwitchboardError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SwitchboardError);
  return error as SwitchboardError;
}

describe('Switchboard.init client against a real server', () => {
  let env: TestEnvironment;
  let org: string;
  let token: string;
  let client: SwitchboardClient;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    await env.createAcmeConnector();
    await env.newConnector(); // acme_1: installed nowhere near the session's list
    org = await env.newOrg({ connectors: ['acme'] });
    ({ token } = await env.session(org, { allowedOrigins: [APP], connectors: ['acme'] }));
    // No org option: the client reads it from the token.
    client = init({ baseUrl: `${env.server.url}/`, sessionToken: token, fetch: browserFetch(APP, bodies) });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('takes the org from the session token; an org option must agree with it', () => {
    expect(client.org).toBe(org);
    expect(token.startsWith(`sbs_${org}.`)).toBe(true);
    expect(init({ baseUrl: env.server.url, sessionToken: token, fetch: browserFetch(APP) }).org).toBe(org);
    expect(init({ baseUrl: env.server.url, sessionToken: token, org, fetch: browserFetch(APP) }).org).toBe(org);
    expect(init({ baseUrl: 'https://sb.example.com', sessionToken: sampleToken('acme-customer') }).org).toBe('acme-customer');

    const requests: string[] = [];
    const recording: typeof fetch = (input) => {
      requests.push(String(input));
      return Promise.reject(new TypeError('not sent'));
    };
    for (const other of ['dev', '', `${org}x`]) {
      let error: unknown;
      try {
        init({ baseUrl: env.server.url, sessionToken: token, org: other, fetch: recording });
      } catch (caught) {
        error = caught;
      }
      expect(error, other).toMatchObject({ name: 'SwitchboardError', code: 'invalid_argument' });
      expect((error as Error).message).toContain(`'${org}'`);
      expect((error as Error).message).not.toContain(secretOf(token));
    }
    expect(requests).toEqual([]);
  });

  it('sends requests to the org the token names', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = (input, requestInit) => {
      urls.push(String(input));
      return browserFetch(APP)(input, requestInit);
    };
    const sb = init({ baseUrl: env.server.url, sessionToken: token, fetch: recording });
    expect(await sb.isConnectorAuthorized('acme')).toBe(false);
    expect(urls).toEqual([`${env.server.url}/v1/orgs/${org}/connections/acme`]);
  });

  it('refuses malformed options, org or admin keys, and tokens without an org, before sending anything', () => {
    const valid = { baseUrl: 'https://sb.example.com', sessionToken: sampleToken('acme-customer') };
    const { sessionToken } = valid;
    expect(init(valid).org).toBe('acme-customer');
    for (const options of [
      { ...valid, baseUrl: 'not a url' },
      { ...valid, baseUrl: 'ftp://sb.example.com' },
      { ...valid, sessionToken: '' },
      { ...valid, sessionToken: 'sbo_0123456789abcdef.secret' },
      { ...valid, sessionToken: 'sbk_admin' },
      { ...valid, sessionToken: `sbs_${'0'.repeat(16)}.${'A'.repeat(43)}` }, // the older shape, without an org
      { ...valid, sessionToken: sessionToken.replace('sbs_acme-customer.', 'sbs_Acme.') },
      { ...valid, sessionToken: sessionToken.replace('sbs_acme-customer.', 'sbs_a.') },
      { ...valid, sessionToken: sessionToken.replace('sbs_acme-customer.', 'sbs_acme%2e.') },
      { ...valid, sessionToken: sessionToken.replace('sbs_acme-customer.', 'sbs_.') },
      { ...valid, sessionToken: `${sessionToken}.extra` },
      { ...valid, sessionToken: `${sessionToken} ` },
      { ...valid, org: '' },
      { ...valid, org: 'dev' },
      { ...valid, popupTimeoutMs: 0 },
      // Beyond setTimeout's range the timer would fire at once.
      { ...valid, popupTimeoutMs: 2 ** 31 },
    ]) {
      expect(() => init(options), JSON.stringify(options)).toThrow(expect.objectContaining({ name: 'SwitchboardError', code: 'invalid_argument' }));
    }
    expect(init({ ...valid, popupTimeoutMs: 2 ** 31 - 1 }).org).toBe('acme-customer');
    for (const options of [undefined, null, 'https://sb.example.com']) {
      expect(() => init(options as never)).toThrow(expect.objectContaining({ name: 'SwitchboardError', code: 'invalid_argument' }));
    }
  });

  it('reports status, invokes (JSON and real multipart with a File), and revokes', async () => {
    expect(await client.isConnectorAuthorized('acme')).toBe(false);
    expect((await rejection(client.invokeAPI('acme.listcontacts'))).code).toBe('not_authorized');

    expect((await env.authorize(org, 'acme', { username: 'bob' })).status).toBe(200);
    expect(await client.isConnectorAuthorized('acme')).toBe(true);
    expect(await client.getConnection('acme')).toMatchObject({ connector: 'acme', status: 'authorized' });

    const listed = await client.invokeAPI<{ contacts: unknown[] }>('acme.listcontacts');
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body.contacts)).toBe(true);

    const created = await client.invokeAPI<{ id: string; First_Name: string }>('acme.createcontact', {
      First_Name: 'Grace',
      VARIABLES: { Last_Name: 'Hopper', Email_ID: 'grace@example.com', Phone_Number: '' },
    });
    expect(created.status).toBe(201);
    expect(created.body.First_Name).toBe('Grace');

    // Every byte value, so any text re-encoding on the way would show.
    const bytes = new Uint8Array(randomBytes(70_000));
    bytes.set([0, 255, 13, 10, 0xc3, 0x28], 0);
    const file = new File([bytes], 'report.bin', { type: 'application/octet-stream' });
    const before = bodies.length;
    const uploaded = await client.invokeAPI<{ sha256: string; size: number; filename: string }>('acme.uploadfile', {
      CONTENT_TYPE: 'multipart',
      PARTS: [{ name: 'note', value: 'quarterly' }],
      FILE: file,
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(uploaded).toMatchObject({ status: 201, body: { sha256, size: bytes.byteLength, filename: 'report.bin' } });
    // Sent as multipart/form-data, not as base64 inside JSON.
    expect(bodies[before]).toBeInstanceOf(FormData);
    const arrived = env.demo.uploadedFiles().at(-1);
    expect(arrived).toMatchObject({ sha256, size: bytes.byteLength, fieldName: 'file', filename: 'report.bin', otherFields: { note: 'quarterly' } });

    // Without a Blob the JSON form carries base64, and arrives identically.
    const small = new Uint8Array([1, 2, 3, 250]);
    const viaJson = await client.invokeAPI<{ sha256: string }>('acme.uploadfile', {
      FILE: { filename: 'small.bin', content: Buffer.from(small).toString('base64') },
    });
    expect(viaJson.body.sha256).toBe(createHash('sha256').update(small).digest('hex'));
    expect(typeof bodies.at(-1)).toBe('string');

    // A Blob as a part's value (no FILE): the upstream gets it as a file field under the part's
    // name, with the File's name and type, after the text parts.
    const partBytes = new Uint8Array(randomBytes(5_000));
    const viaPart = await client.invokeAPI<{ sha256: string }>('acme.uploadfile', {
      CONTENT_TYPE: 'multipart',
      PARTS: [
        { name: 'note', value: 'as a part' },
        { name: 'attachment', value: new File([partBytes], 'part.bin', { type: 'application/x-part' }) },
      ],
    });
    expect(viaPart.status).toBe(201);
    expect(env.demo.uploadedFiles().at(-1)).toMatchObject({
      sha256: createHash('sha256').update(partBytes).digest('hex'),
      fieldName: 'attachment',
      filename: 'part.bin',
      contentType: 'application/x-part',
      otherFields: { note: 'as a part' },
    });

    // A named FILE with a declared filename and type: those reach the upstream, not the Blob's own.
    await client.invokeAPI('acme.uploadfile', { FILE: { name: 'document', filename: 'renamed.csv', contentType: 'text/csv', content: new File(['a,b'], 'original.txt') } });
    expect(env.demo.uploadedFiles().at(-1)).toMatchObject({ fieldName: 'document', filename: 'renamed.csv', contentType: 'text/csv', size: 3 });

    // What cannot be sent is refused before anything is: a reserved multipart part name, a BigInt.
    const sent = bodies.length;
    const reserved = await rejection(client.invokeAPI('acme.uploadfile', { PARTS: [{ name: 'VARIABLES', value: 'x' }], FILE: file }));
    expect(reserved).toMatchObject({ code: 'invalid_argument' });
    expect((await rejection(client.invokeAPI('acme.createcontact', { First_Name: 1n as never }))).code).toBe('invalid_argument');
    expect((await rejection(client.invokeAPI('acme.createcontact', 'First_Name=Ada' as never))).code).toBe('invalid_argument');
    expect(bodies.length).toBe(sent);

    expect(await client.revokeConnector('acme')).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
    expect(await client.isConnectorAuthorized('acme')).toBe(false);
    env.expectNoSecretShown();
  });

  it('rejects with the problem as a SwitchboardError: code, status, detail and the problem object', async () => {
    const missing = await rejection(client.invokeAPI('acme_1.listcontacts'));
    expect(missing).toMatchObject({ code: 'forbidden', status: 403, name: 'SwitchboardError' });
    expect(missing.problem).toMatchObject({ code: 'forbidden', status: 403 });
    expect(missing.detail).toBe(missing.problem?.detail);

    expect((await rejection(client.invokeAPI('acme'))).code).toBe('invalid_argument');

    const other = await env.session(org, { allowedOrigins: ['https://other.example.com'] });
    const elsewhere = init({ baseUrl: env.server.url, sessionToken: other.token, fetch: browserFetch(APP) });
    const refused = await rejection(elsewhere.isConnectorAuthorized('acme'));
    expect(refused).toMatchObject({ code: 'origin_not_allowed', status: 403 });

    const unknown = init({ baseUrl: env.server.url, sessionToken: sampleToken(org), fetch: browserFetch(APP) });
    expect(await rejection(unknown.revokeConnector('acme'))).toMatchObject({ code: 'unauthenticated', status: 401 });

    // The org part edited to another org that exists: Switchboard does not take the token's word
    // for its org, and answers exactly as for an unknown token.
    const otherOrg = await env.newOrg({ connectors: ['acme'] });
    const forged = init({ baseUrl: env.server.url, sessionToken: token.replace(`sbs_${org}.`, `sbs_${otherOrg}.`), fetch: browserFetch(APP) });
    expect(forged.org).toBe(otherOrg);
    const refusedForged = await rejection(forged.isConnectorAuthorized('acme'));
    expect(refusedForged).toMatchObject({ code: 'unauthenticated', status: 401 });
    const refusedUnknown = await rejection(init({ baseUrl: env.server.url, sessionToken: sampleToken(otherOrg), fetch: browserFetch(APP) }).isConnectorAuthorized('acme'));
    expect({ ...refusedForged.problem, instance: undefined }).toEqual({ ...refusedUnknown.problem, instance: undefined });
  });

  it('rejects with network_error when Switchboard cannot be reached', async () => {
    const sessionToken = sampleToken(org);
    const offline = init({ baseUrl: `http://127.0.0.1:${await closedPort()}`, sessionToken, fetch: browserFetch(APP) });
    const error = await rejection(offline.invokeAPI('acme.listcontacts'));
    expect(error).toMatchObject({ code: 'network_error', status: 0 });
    expect(error.cause).toBeInstanceOf(TypeError);
    // The token is the whole credential: it is in no error text.
    expect(error.message).not.toContain(secretOf(sessionToken));
  });
});
