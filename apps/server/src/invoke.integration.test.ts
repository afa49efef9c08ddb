import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Problem } from '@switchboard/contracts';
import type { EchoResponse } from '@switchboard/demo';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './testing/closed-port.js';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * Invoke after a real authorization at the demo: bodies of every type reach the upstream intact,
 * responses are mapped, and bad or hostile variables are refused before any network I/O.
 */

interface InvokeResult<B = unknown> {
  status: number;
  headers: Record<string, string>;
  body: B;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A loopback upstream with responses the demo does not offer (text, binary, odd headers, redirects). */
async function startUpstream(): Promise<{ url: string; hits: Array<{ url: string; headers: IncomingMessage['headers'] }>; close(): Promise<void> }> {
  const hits: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];
  const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const server: Server = createServer((request: IncomingMessage, response) => {
    hits.push({ url: request.url ?? '', headers: request.headers });
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      switch (path) {
        case '/text':
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          response.end('plain text ✓\nline two');
          return;
        case '/binary':
          response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(binary.length) });
          response.end(binary);
          return;
        case '/image':
          response.writeHead(200, { 'content-type': 'image/png' });
          response.end(binary.subarray(0, 64));
          return;
        case '/untyped-binary':
          response.writeHead(200);
          response.end(Buffer.from([0xff, 0xfe, 0xfd, 0x00]));
          return;
        case '/headers':
          response.setHeader('set-cookie', ['session=upstream-session; HttpOnly', 'other=1']);
          response.setHeader('connection', 'keep-alive, x-hop-by-hop');
          response.setHeader('keep-alive', 'timeout=5');
          response.setHeader('x-hop-by-hop', 'drop me');
          response.setHeader('x-kept', 'kept');
          response.setHeader('cache-control', 'max-age=60');
          response.setHeader('content-type', 'application/json');
          response.writeHead(207);
          // No content-length: sent chunked, so transfer-encoding is on the wire.
          response.write('{"ok":');
          response.end('true}');
          return;
        case '/teapot':
          response.writeHead(418, { 'content-type': 'application/problem+json' });
          response.end('{"title":"teapot"}');
          return;
        case '/huge': {
          // 11 MiB, over the 10 MiB response cap, streamed without a length.
          response.writeHead(200, { 'content-type': 'application/octet-stream' });
          const chunk = Buffer.alloc(1024 * 1024, 1);
          for (let i = 0; i < 11; i += 1) response.write(chunk);
          response.end();
          return;
        }
        case '/token-500':
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end('{"error":"server_error"}');
          return;
        case '/empty':
          response.writeHead(204);
          response.end();
          return;
        default:
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('nope');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe.each(testDatabases())('invoke on $name', (database) => {
  let env: TestEnvironment;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;

  const invoke = <B = unknown>(api: string, data: unknown, org = 'dev') =>
    env.request<InvokeResult<B> & Problem>('POST', `/v1/orgs/${org}/invoke/acme.${api}`, data);

  const expectInvoked = <B>(response: ApiResponse<InvokeResult<B> & Problem>): InvokeResult<B> => {
    expect(response.status, response.text).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['body', 'headers', 'status']);
    return response.body;
  };

  /** Asserts no request reached the demo's API while `action` ran. */
  const withoutUpstreamCall = async <T>(action: () => Promise<T>): Promise<T> => {
    const before = env.demo.stats().apiRequests;
    const hitsBefore = upstream.hits.length;
    const result = await action();
    expect(env.demo.stats().apiRequests).toBe(before);
    expect(upstream.hits.length).toBe(hitsBefore);
    return result;
  };

  const addApi = async (api: Record<string, unknown>) => {
    const response = await env.request('POST', '/v1/connectors/acme/apis', api);
    expect(response.status, response.text).toBe(201);
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    upstream = await startUpstream();
    await env.createAcmeConnector();
    const base = env.demo.apiBaseUrl;
    await addApi({ name: 'Echo JSON', apiName: 'echojson', method: 'POST', url: `${base}/echo/json`, body: { type: 'json', template: '{"name":"${name}","age":"${age}","tags":"${tags}","nested":{"ok":"${ok}","nothing":"${nothing}"},"greeting":"Hi ${name}, you are ${age}","raw":${age}}' } });
    await addApi({ name: 'Echo JSON untemplated', apiName: 'echojsonfree', method: 'PUT', url: `${base}/echo/free/\${id}`, body: { type: 'json' } });
    await addApi({ name: 'Echo form', apiName: 'echoform', method: 'POST', url: `${base}/echo/form`, body: { type: 'form', template: 'a=${a}&b=${b}&fixed=1' } });
    await addApi({ name: 'Echo form free', apiName: 'echoformfree', method: 'POST', url: `${base}/echo/formfree`, body: { type: 'form' } });
    await addApi({ name: 'Echo multipart', apiName: 'echomultipart', method: 'POST', url: `${base}/echo/multipart`, body: { type: 'multipart' } });
    await addApi({ name: 'Echo query', apiName: 'echoquery', method: 'GET', url: `${base}/echo/q?fixed=a%20b&x=\${x}`, query: { y: '${y}', z: 'lit-${x}' } });
    await addApi({ name: 'Echo two segments', apiName: 'echotwo', method: 'GET', url: `${base}/echo/users/\${user}/items/\${item}` });
    await addApi({ name: 'Echo raw xml', apiName: 'echoxml', method: 'POST', url: `${base}/echo/xml`, headers: { 'Content-Type': 'application/xml' }, body: { type: 'raw', template: '<a>${v}</a>' } });
    await addApi({ name: 'Instance', apiName: 'instance', method: 'GET', url: '${connection.instance_url}/echo/${path}' });
    for (const path of ['text', 'binary', 'image', 'untyped-binary', 'headers', 'teapot', 'empty', 'huge']) {
      await addApi({ name: `Upstream ${path}`, apiName: `up_${path.replace('-', '_')}`, method: 'GET', url: `${upstream.url}/${path}` });
    }
    await env.request('POST', '/v1/orgs', { id: 'unauthorized-org', name: 'Not yet' });
    // Installed there (a subscriber org sees only what it installed), never authorized.
    await env.install('unauthorized-org', ['acme']);
    const callback = await env.authorize('dev');
    expect(callback.status).toBe(200);
  });

  afterAll(async () => {
    await upstream?.close();
    await env?.close();
  });

  describe('request bodies reach the upstream intact', () => {
    it('JSON template: whole-string placeholders take the JSON type, embedded ones are escaped text', async () => {
      const name = 'Ada "Countess" \\ Lovelace </script> ✓';
      const result = expectInvoked<EchoResponse>(
        await invoke('echojson', { VARIABLES: { name, age: 36, tags: ['a', 'b'], ok: true, nothing: null } }),
      );
      expect(result.status).toBe(200);
      const echo = result.body;
      expect(echo.method).toBe('POST');
      expect(echo.path).toBe('/api/echo/json');
      expect(echo.contentType).toBe('application/json');
      expect(echo.headers['authorization']).toBe('present');
      expect(JSON.parse(echo.bodyText!)).toEqual({
        name,
        age: 36,
        tags: ['a', 'b'],
        nested: { ok: true, nothing: null },
        greeting: `Hi ${name}, you are 36`,
        raw: 36,
      });
    });

    it('a value cannot break out of its JSON string', async () => {
      const result = expectInvoked<EchoResponse>(
        await invoke('echojson', { VARIABLES: { name: '","admin":true,"x":"', age: '1}, "admin": true, "y": {', tags: [], ok: false, nothing: 0 } }),
      );
      const body = JSON.parse(result.body.bodyText!) as Record<string, unknown>;
      expect(body['admin']).toBeUndefined();
      expect(body['name']).toBe('","admin":true,"x":"');
      expect(body['age']).toBe('1}, "admin": true, "y": {');
    });

    it('flat keys are variables (seed style); VARIABLES wins over a flat key of the same name', async () => {
      const created = expectInvoked<Record<string, unknown>>(
        await invoke('createcontact', { First_Name: 'Alfred', Last_Name: 'Hitchcock', Email_ID: 'alfred@example.com', Phone_Number: '555-0100' }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ First_Name: 'Alfred', Last_Name: 'Hitchcock', Email_ID: 'alfred@example.com', Phone_Number: '555-0100' });

      const mixed = expectInvoked<Record<string, unknown>>(
        await invoke('createcontact', { First_Name: 'Flat', Last_Name: 'Key', Email_ID: 'flat@example.com', Phone_Number: '1', VARIABLES: { First_Name: 'Grace', Last_Name: 'Hopper' } }),
      );
      expect(mixed.status).toBe(201);
      expect(mixed.body).toMatchObject({ First_Name: 'Grace', Last_Name: 'Hopper', Email_ID: 'flat@example.com' });

      const listed = expectInvoked<{ contacts: Array<{ First_Name: string }> }>(await invoke('listcontacts', {}));
      expect(listed.status).toBe(200);
      expect(listed.body.contacts.map((c) => c.First_Name)).toEqual(expect.arrayContaining(['Alfred', 'Grace']));
    });

    it('a JSON body without a template carries the variables not used elsewhere', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echojsonfree', { id: 'item-7', title: 'T', count: 3, meta: { a: [1, null] } })).body;
      expect(echo.method).toBe('PUT');
      expect(echo.path).toBe('/api/echo/free/item-7');
      expect(JSON.parse(echo.bodyText!)).toEqual({ title: 'T', count: 3, meta: { a: [1, null] } });
    });

    it('form body: values form-encoded so they cannot add fields', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echoform', { VARIABLES: { a: 'x&y=z', b: 'ü +%' } })).body;
      expect(echo.contentType).toBe('application/x-www-form-urlencoded');
      const fields = [...new URLSearchParams(echo.bodyText!)];
      expect(fields).toEqual([
        ['a', 'x&y=z'],
        ['b', 'ü +%'],
        ['fixed', '1'],
      ]);
      const free = expectInvoked<EchoResponse>(await invoke('echoformfree', { one: '1', two: 'a b&c' })).body;
      expect([...new URLSearchParams(free.bodyText!)]).toEqual([
        ['one', '1'],
        ['two', 'a b&c'],
      ]);
    });

    it('raw body, path, query and header via the echo API', async () => {
      const text = 'line one\nline two ✓ {"not":"json"} ${notAPlaceholder}';
      const echo = expectInvoked<EchoResponse>(await invoke('echo', { VARIABLES: { path: 'raw', q: 'a b&c=d', note: 'a note', text } })).body;
      expect(echo.method).toBe('POST');
      expect(echo.path).toBe('/api/echo/raw');
      expect(echo.query).toEqual({ q: 'a b&c=d' });
      expect(echo.headers['x-note']).toBe('a note');
      expect(echo.contentType).toBe('text/plain; charset=utf-8');
      expect(echo.bodyText).toBe(text);
      expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')).toBe(text);
    });

    it('a raw body with its own Content-Type header keeps it', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echoxml', { v: '<b>&amp;</b>' })).body;
      expect(echo.contentType).toBe('application/xml');
      expect(echo.bodyText).toBe('<a><b>&amp;</b></a>');
    });

    it('query: template query kept byte for byte, values encoded, query map appended', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echoquery', { x: 'a&b=c#d', y: 'ü/?' })).body;
      expect(echo.method).toBe('GET');
      expect(echo.query).toEqual({ fixed: 'a b', x: 'a&b=c#d', y: 'ü/?', z: 'lit-a&b=c#d' });
    });

    it('multipart via the JSON form: FILE and value PARTS → the demo received the same bytes', async () => {
      const bytes = randomBytes(200_000);
      const result = expectInvoked<{ sha256: string; size: number; filename: string }>(
        await invoke('uploadfile', {
          PARTS: [
            { name: 'title', value: 'Quarterly report ✓' },
            { name: 'folder', value: 'reports' },
          ],
          FILE: { filename: 'report.bin', contentType: 'application/octet-stream', content: bytes.toString('base64') },
        }),
      );
      expect(result.status).toBe(201);
      expect(result.body.sha256).toBe(sha256(bytes));
      const uploaded = env.demo.uploadedFiles().at(-1)!;
      expect(uploaded).toMatchObject({ filename: 'report.bin', contentType: 'application/octet-stream', size: bytes.length, sha256: sha256(bytes), fieldName: 'file', otherFields: { title: 'Quarterly report ✓', folder: 'reports' } });
    });

    it('multipart via the JSON form: a base64 file in PARTS, named field and type kept', async () => {
      const bytes = randomBytes(4096);
      const result = expectInvoked(
        await invoke('uploadfile', {
          PARTS: [
            { name: 'description', value: 'a picture' },
            { name: 'attachment', filename: 'pic "one".png', contentType: 'image/png', content: bytes.toString('base64') },
          ],
        }),
      );
      expect(result.status).toBe(201);
      const uploaded = env.demo.uploadedFiles().at(-1)!;
      expect(uploaded.sha256).toBe(sha256(bytes));
      expect(uploaded.fieldName).toBe('attachment');
      expect(uploaded.contentType).toBe('image/png');
      expect(uploaded.otherFields).toEqual({ description: 'a picture' });
      // Browsers' escaping of `"` in a filename (WHATWG multipart encoding) is what servers expect.
      expect(uploaded.filename).toMatch(/^pic (%22|")one(%22|")\.png$/);
    });

    it('CONTENT_TYPE multipart forces a multipart body on any API', async () => {
      const bytes = randomBytes(1000);
      const echo = expectInvoked<EchoResponse>(
        await invoke('echo', { VARIABLES: { path: 'mp', q: '1', note: 'n', text: 'ignored' }, CONTENT_TYPE: 'multipart', FILE: { filename: 'x.bin', content: bytes.toString('base64') } }),
      ).body;
      expect(echo.contentType).toMatch(/^multipart\/form-data; boundary=/);
      const raw = Buffer.from(echo.bodyBase64, 'base64');
      expect(raw.includes(bytes)).toBe(true);
      expect(raw.includes(Buffer.from('ignored'))).toBe(false);
    });

    it('multipart with neither PARTS nor FILE sends the variables as text parts', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echomultipart', { alpha: 'one', beta: 2 })).body;
      expect(echo.contentType).toMatch(/^multipart\/form-data; boundary=/);
      const raw = Buffer.from(echo.bodyBase64, 'base64').toString('utf8');
      expect(raw).toMatch(/name="alpha"\r\n\r\none\r\n/);
      expect(raw).toMatch(/name="beta"\r\n\r\n2\r\n/);
    });

    it('a real multipart/form-data request to the invoke route: file bytes arrive intact', async () => {
      const bytes = randomBytes(300_000);
      const form = new FormData();
      form.append('caption', 'from a browser ✓');
      form.append('FILE', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
      const response = await env.request<InvokeResult<{ sha256: string }>>('POST', '/v1/orgs/dev/invoke/acme.uploadfile', undefined, { raw: form });
      expect(response.status, response.text).toBe(200);
      expect(response.body.status).toBe(201);
      expect(response.body.body.sha256).toBe(sha256(bytes));
      const uploaded = env.demo.uploadedFiles().at(-1)!;
      expect(uploaded).toMatchObject({ filename: 'photo.jpg', contentType: 'image/jpeg', size: bytes.length, sha256: sha256(bytes), fieldName: 'file', otherFields: { caption: 'from a browser ✓' } });

      // A file under another field name is a part with that name.
      const other = randomBytes(5000);
      const second = new FormData();
      second.append('document', new Blob([other], { type: 'application/pdf' }), 'doc.pdf');
      const again = await env.request<InvokeResult>('POST', '/v1/orgs/dev/invoke/acme.uploadfile', undefined, { raw: second });
      expect(again.status, again.text).toBe(200);
      expect(env.demo.uploadedFiles().at(-1)).toMatchObject({ fieldName: 'document', filename: 'doc.pdf', contentType: 'application/pdf', sha256: sha256(other) });
    });

    it('a real multipart/form-data request with VARIABLES and CONTENT_TYPE raw', async () => {
      const form = new FormData();
      form.append('VARIABLES', JSON.stringify({ path: 'fromform', q: 'qq', note: 'nn', text: 'body ✓' }));
      form.append('CONTENT_TYPE', 'raw');
      const response = await env.request<InvokeResult<EchoResponse>>('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: form });
      expect(response.status, response.text).toBe(200);
      const echo = response.body.body;
      expect(echo.path).toBe('/api/echo/fromform');
      expect(echo.query).toEqual({ q: 'qq' });
      expect(echo.headers['x-note']).toBe('nn');
      expect(echo.bodyText).toBe('body ✓');
    });

    it('a real multipart/form-data request without CONTENT_TYPE: the body type of the API decides, as in the JSON form', async () => {
      const form = new FormData();
      form.append('VARIABLES', JSON.stringify({ path: 'own', q: 'q1', note: 'n1', text: 'as the API says' }));
      const response = await env.request<InvokeResult<EchoResponse>>('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: form });
      expect(response.status, response.text).toBe(200);
      const echo = response.body.body;
      expect(echo.contentType).not.toMatch(/^multipart\//);
      expect(echo.bodyText).toBe('as the API says');
    });

    it('multipart/form-data problems: bad VARIABLES JSON, bad CONTENT_TYPE, missing variables', async () => {
      const badJson = new FormData();
      badJson.append('VARIABLES', '{not json');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: badJson }), 400, 'validation_failed');
      const badType = new FormData();
      badType.append('CONTENT_TYPE', 'xml');
      expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: badType }), 400, 'validation_failed');
      const missing = new FormData();
      missing.append('VARIABLES', JSON.stringify({ path: 'x' }));
      missing.append('CONTENT_TYPE', 'raw');
      const problem = await withoutUpstreamCall(async () => expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.echo', undefined, { raw: missing }), 400, 'missing_variables'));
      expect(problem.variables?.sort()).toEqual(['note', 'q', 'text']);
    });
  });

  describe('response mapping', () => {
    it('JSON is parsed; the upstream status is passed through in the body with HTTP 200', async () => {
      const teapot = expectInvoked(await invoke('up_teapot', {}));
      expect(teapot.status).toBe(418);
      expect(teapot.body).toEqual({ title: 'teapot' });
      expect(teapot.headers['content-type']).toBe('application/problem+json');
    });

    it('text stays text', async () => {
      const text = expectInvoked(await invoke('up_text', {}));
      expect(text.body).toBe('plain text ✓\nline two');
      expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('binary becomes {base64, contentType}', async () => {
      const binary = expectInvoked<{ base64: string; contentType: string }>(await invoke('up_binary', {}));
      expect(binary.body).toEqual({ base64: Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64'), contentType: 'application/octet-stream' });
      const image = expectInvoked<{ base64: string; contentType: string }>(await invoke('up_image', {}));
      expect(image.body.contentType).toBe('image/png');
      expect(Buffer.from(image.body.base64, 'base64').length).toBe(64);
      const untyped = expectInvoked<{ base64: string; contentType: string }>(await invoke('up_untyped_binary', {}));
      expect(untyped.body).toEqual({ base64: Buffer.from([0xff, 0xfe, 0xfd, 0x00]).toString('base64'), contentType: 'application/octet-stream' });
    });

    it('a response over the size cap → 502 upstream_response_too_large', async () => {
      expectProblem(await invoke('up_huge', {}), 502, 'upstream_response_too_large');
    });

    it('an empty body is null', async () => {
      const empty = expectInvoked(await invoke('up_empty', {}));
      expect(empty.status).toBe(204);
      expect(empty.body).toBeNull();
    });

    it('hop-by-hop headers, headers named in Connection, and cookies are removed; others kept', async () => {
      const mapped = expectInvoked(await invoke('up_headers', {}));
      expect(mapped.status).toBe(207);
      expect(mapped.body).toEqual({ ok: true });
      for (const name of ['set-cookie', 'set-cookie2', 'connection', 'keep-alive', 'transfer-encoding', 'x-hop-by-hop', 'content-length', 'upgrade', 'trailer']) {
        expect(mapped.headers[name], name).toBeUndefined();
      }
      expect(mapped.headers['x-kept']).toBe('kept');
      expect(mapped.headers['cache-control']).toBe('max-age=60');
      expect(mapped.headers['content-type']).toBe('application/json');
      expect(JSON.stringify(mapped)).not.toContain('upstream-session');
    });
  });

  describe('token placement', () => {
    const accessTokenOf = async (connector: string): Promise<string> => (await env.storedTokens('dev', connector)).accessToken!;

    it('header placement: the token replaces an Authorization header the template sets', async () => {
      await addApi({ name: 'Spoof header', apiName: 'spoofheader', method: 'GET', url: `${upstream.url}/text`, headers: { authorization: 'Basic ${creds}', 'X-Other': 'kept' } });
      const result = expectInvoked(await invoke('spoofheader', { creds: 'attacker' }));
      expect(result.status).toBe(200);
      const seen = upstream.hits.at(-1)!;
      expect(seen.headers['authorization']).toBe(`Bearer ${await accessTokenOf('acme')}`);
      expect(seen.headers['x-other']).toBe('kept');
    });

    it('query placement: the token replaces a template parameter of that name, others keep their encoding', async () => {
      await env.createAcmeConnector({ name: 'Acme by query', apiName: 'acmeq', tokenPlacement: { type: 'query', name: 'access_token' } });
      const api = await env.request('POST', '/v1/connectors/acmeq/apis', { name: 'Text', method: 'GET', url: `${upstream.url}/text?access_token=\${fake}&keep=a%20b` });
      expect(api.status, api.text).toBe(201);
      expect((await env.authorize('dev', 'acmeq')).status).toBe(200);

      const result = expectInvoked(await env.request<InvokeResult & Problem>('POST', '/v1/orgs/dev/invoke/acmeq.text', { fake: 'attacker-token' }));
      expect(result.status).toBe(200);
      const seen = upstream.hits.at(-1)!;
      expect(seen.headers['authorization']).toBeUndefined();
      const query = seen.url.slice(seen.url.indexOf('?') + 1);
      expect(query).toContain('keep=a%20b');
      expect(new URLSearchParams(query).getAll('access_token')).toEqual([await accessTokenOf('acmeq')]);
      expect(seen.url).not.toContain('attacker-token');
    });
  });

  describe('missing and malicious variables', () => {
    it('missing_variables names every missing one and nothing reaches the upstream', async () => {
      const problem = await withoutUpstreamCall(async () => expectProblem(await invoke('createcontact', { First_Name: 'Only' }), 400, 'missing_variables'));
      expect(problem.variables).toEqual(['Last_Name', 'Email_ID', 'Phone_Number']);
      const echo = await withoutUpstreamCall(async () => expectProblem(await invoke('echo', {}), 400, 'missing_variables'));
      expect(echo.variables?.sort()).toEqual(['note', 'path', 'q', 'text']);
      const two = await withoutUpstreamCall(async () => expectProblem(await invoke('echotwo', { item: 'x' }), 400, 'missing_variables'));
      expect(two.variables).toEqual(['user']);
      // Inherited names (constructor, toString) are not values.
      await addApi({ name: 'Inherited', apiName: 'inherited', method: 'GET', url: `${env.demo.apiBaseUrl}/echo/\${constructor}/\${toString}` });
      const inherited = await withoutUpstreamCall(async () => expectProblem(await invoke('inherited', { VARIABLES: {} }), 400, 'missing_variables'));
      expect(inherited.variables).toEqual(['constructor', 'toString']);
    });

    it('an empty string and null are values, not missing', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echo', { path: 'empty', q: '', note: null, text: '' })).body;
      expect(echo.path).toBe('/api/echo/empty');
      expect(echo.query).toEqual({ q: '' });
      expect(echo.bodyText === '' || echo.bodyText === null).toBe(true);
    });

    it('CR, LF or NUL in a header value → 400 invalid_variable naming it, nothing sent', async () => {
      for (const note of ['a\r\nX-Injected: 1', 'a\nb', 'a\rb', 'a\u0000b', '\r\n\r\nGET /admin HTTP/1.1']) {
        const problem = await withoutUpstreamCall(async () => expectProblem(await invoke('echo', { path: 'p', q: 'q', text: 't', note }), 400, 'invalid_variable'));
        expect(problem.variable).toBe('note');
        expect(problem.detail ?? '').not.toContain('X-Injected');
      }
    });

    it('an object where only text can go → 400 invalid_variable', async () => {
      await withoutUpstreamCall(async () => expectProblem(await invoke('echo', { path: { a: 1 }, q: 'q', text: 't', note: 'n' }), 400, 'invalid_variable'));
      await withoutUpstreamCall(async () => expectProblem(await invoke('echo', { path: 'p', q: ['a'], text: 't', note: 'n' }), 400, 'invalid_variable'));
    });

    it.each(['../admin', '..', '.', '%2e%2e', '%2E%2E', '.%2e', '%2e', '..%2fadmin', '%2e%2e%2fadmin', 'a/b?x#y', '@evil.com', '//evil.com', '\\..\\admin', '..\\admin', 'x/../../admin', '../../../../token', 'http://evil.com/', '?admin=1', '#frag', ';jsessionid=1', '%00', '\u0000', 'ü/..'])(
      'path segment %j stays one segment under /api/echo/ or is refused',
      async (value) => {
        const before = env.demo.stats().apiRequests;
        const response = await invoke<EchoResponse>('echo', { path: value, q: 'q', note: 'n', text: 't' });
        if (response.status === 400) {
          expect(response.body.code).toBe('invalid_variable');
          expect(env.demo.stats().apiRequests).toBe(before);
          return;
        }
        const result = expectInvoked(response);
        expect(result.status).toBe(200);
        const echo = result.body;
        expect(echo.path.startsWith('/api/echo/')).toBe(true);
        const segment = echo.path.slice('/api/echo/'.length);
        expect(segment).not.toContain('/');
        expect(decodeURIComponent(segment)).toBe(value);
        expect(echo.query).toEqual({ q: 'q' });
        expect(env.demo.stats().apiRequests).toBe(before + 1);
      },
    );

    it('tricky values in every position: 200 with the value intact, or 400 invalid_variable — never a 5xx', async () => {
      const tricky = ['', ' ', '%', '%%', '%zz', '%25', '\t', '\u007f', '\u0080', '\u00ff', '\u0100', '😀', '\ud800', '\udc00x', 'a\u0000b', '${x}', '$${path}', '{', '}', '\\', '"', "'", '<>', '&=;,+', 'e\u0301', '\u2028', '\ufeff', 'x'.repeat(5000)];
      const positions = ['path', 'q', 'note', 'text'] as const;
      for (const value of tricky) {
        for (const position of positions) {
          const data: Record<string, string> = { path: 'p', q: 'q', note: 'n', text: 't', [position]: value };
          const response = await invoke<EchoResponse>('echo', data);
          const label = `${position}=${JSON.stringify(value).slice(0, 40)}`;
          if (response.status !== 200) {
            expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBe(400);
            expect(response.body.code, label).toBe('invalid_variable');
            continue;
          }
          const echo = response.body.body;
          if (position === 'path') {
            if (value === '') expect(echo.path, label).toBe('/api/echo/');
            else expect(decodeURIComponent(echo.path.slice('/api/echo/'.length)), label).toBe(value);
          }
          if (position === 'q') expect(echo.query['q'], label).toBe(value);
          if (position === 'note' && /^[\x21-\x7e]*$/.test(value)) expect(echo.headers['x-note'] ?? '', label).toBe(value);
          if (position === 'text') expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8'), label).toBe(value);
        }
      }
    });

    it('two path placeholders stay in their own segments', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echotwo', { user: 'a/b', item: 'c?d' })).body;
      expect(echo.path).toBe('/api/echo/users/a%2Fb/items/c%3Fd');
      expect(echo.query).toEqual({});
    });

    it('a query value cannot add parameters', async () => {
      const echo = expectInvoked<EchoResponse>(await invoke('echo', { path: 'p', q: 'x&q=y&admin=1#f', note: 'n', text: 't' })).body;
      expect(echo.query).toEqual({ q: 'x&q=y&admin=1#f' });
    });

    it('the origin cannot come from a variable: a connection-field origin is not fillable by the caller', async () => {
      // The demo's token response has no instance_url, and a request variable of that name must not supply it.
      const problem = await withoutUpstreamCall(async () =>
        expectProblem(await invoke('instance', { path: 'x', 'connection.instance_url': 'http://127.0.0.1:1', VARIABLES: { 'connection.instance_url': 'http://127.0.0.1:1' } }), 400, 'missing_variables'),
      );
      expect(problem.variables).toEqual(['connection.instance_url']);
    });

    it('lone surrogates in a path value are refused, not mangled', async () => {
      const response = await withoutUpstreamCall(() => invoke('echo', { path: 'a\ud800b', q: 'q', note: 'n', text: 't' }));
      expect(response.status).toBe(400);
    });
  });

  describe('platform failures', () => {
    it('an org that has not authorized the connector → 409 not_authorized, nothing sent', async () => {
      await withoutUpstreamCall(async () => expectProblem(await invoke('listcontacts', {}, 'unauthorized-org'), 409, 'not_authorized'));
    });

    it('unknown API, connector or org → 404', async () => {
      await withoutUpstreamCall(async () => {
        expectProblem(await invoke('nosuchapi', {}), 404, 'not_found');
        expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/nosuch.listcontacts', {}), 404, 'not_found');
        expectProblem(await invoke('listcontacts', {}, 'no-such-org'), 404, 'not_found');
      });
    });

    it('an unreachable upstream → 502 upstream_unreachable', async () => {
      // A loopback port nobody listens on (allowed by the harness's allow-list).
      await addApi({ name: 'Closed', apiName: 'closed', method: 'GET', url: `http://127.0.0.1:${await closedPort()}/x` });
      expectProblem(await invoke('closed', {}), 502, 'upstream_unreachable');
    });
  });

  describe('refresh failures', () => {
    it('a token endpoint answering 5xx during refresh → 503 upstream_unavailable; the connection stays authorized', async () => {
      await env.createAcmeConnector({ name: 'Acme flaky refresh', apiName: 'acmeflaky', refreshUrl: `${upstream.url}/token-500` });
      expect((await env.request('POST', '/v1/connectors/acmeflaky/apis', { name: 'List', method: 'GET', url: `${env.demo.apiBaseUrl}/contacts` })).status).toBe(201);
      expect((await env.authorize('dev', 'acmeflaky')).status).toBe(200);
      expect((await env.request<InvokeResult>('POST', '/v1/orgs/dev/invoke/acmeflaky.list', {})).body.status).toBe(200);

      env.demo.invalidateIssuedAccessTokens(); // the API answers 401 → one forced refresh → 500
      const response = await env.request('POST', '/v1/orgs/dev/invoke/acmeflaky.list', {});
      expectProblem(response, 503, 'upstream_unavailable');
      const connection = await env.connection('dev', 'acmeflaky');
      expect(connection.status).toBe('authorized');
      expect(connection.lastError?.code).toBe('upstream_unavailable');
    });
  });

  it('logged no unhandled error', () => {
    expect(env.logs()).not.toContain('unhandled error');
  });
});
