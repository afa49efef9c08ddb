import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json-value.js';
import type { ApiTemplate } from './api-template.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { normalizeInvokeData } from './normalize-invoke-data.js';
import { renderRequest, type RenderRequestInput } from './render-request.js';
import type { RenderedBody } from './rendered-request.js';

const api = (overrides: Partial<ApiTemplate> = {}): ApiTemplate => ({
  method: 'POST',
  url: 'https://api.example.com/v1/contacts',
  headers: {},
  query: {},
  body: { type: 'none' },
  ...overrides,
});

const render = (template: ApiTemplate, variables: Record<string, JsonValue> = {}, extra: Partial<RenderRequestInput> = {}) =>
  renderRequest({ api: template, variables, connectionFields: {}, parts: [], ...extra });

const text = (body: RenderedBody): string => {
  if (body.kind !== 'bytes') throw new Error(`expected a bytes body, got ${body.kind}`);
  return new TextDecoder().decode(body.bytes);
};

describe('renderRequest: missing variables', () => {
  const template = api({
    url: '${connection.instance_url}/v1/${org}/contacts/${id}',
    headers: { 'X-Trace': '${trace}', 'X-Tenant': '${connection.tenant}' },
    query: { fields: '${fields}' },
    body: { type: 'json', template: '{"name": "${name}", "id": "${id}"}' },
  });

  it('lists every missing name at once, in order, connection fields prefixed', () => {
    const error = catchSwitchboardError(() => render(template, { id: 1, fields: 'a' }));
    expect(error.code).toBe('missing_variables');
    expect(error.details).toEqual({ variables: ['connection.instance_url', 'org', 'trace', 'connection.tenant', 'name'] });
  });

  it('treats an empty string and null as present', () => {
    const request = render(template, { id: '', org: 'o', fields: null, trace: '', name: null }, {
      connectionFields: { instance_url: 'https://h.test', tenant: '' },
    });
    expect(request.url.href).toBe('https://h.test/v1/o/contacts/?fields=');
    expect(request.headers).toEqual([
      ['X-Trace', ''],
      ['X-Tenant', ''],
      ['Content-Type', 'application/json'],
    ]);
    expect(text(request.body)).toBe('{"name": null, "id": ""}');
  });

  it('does not require the body template of a GET, nor of a forced multipart request', () => {
    expect(render({ ...template, method: 'GET' }, { id: 1, org: 'o', fields: 'a', trace: 't' }, {
      connectionFields: { instance_url: 'https://h.test', tenant: 't' },
    }).body).toEqual({ kind: 'none' });
    expect(render(template, { id: 1, org: 'o', fields: 'a', trace: 't' }, {
      connectionFields: { instance_url: 'https://h.test', tenant: 't' },
      contentTypeOverride: 'multipart',
    }).body.kind).toBe('multipart');
  });

  it('does not read inherited names as variables', () => {
    expect(catchSwitchboardError(() => render(api({ url: 'https://h.test/${constructor}/${toString}' }))).details).toEqual({
      variables: ['constructor', 'toString'],
    });
  });
});

describe('renderRequest: bodies', () => {
  it('none: no body and no content type', () => {
    expect(render(api({ method: 'DELETE', url: 'https://h.test/c/${id}' }), { id: 5 })).toEqual({
      method: 'DELETE',
      url: new URL('https://h.test/c/5'),
      headers: [],
      body: { kind: 'none' },
    });
  });

  it('GET and HEAD never get a body, whatever the API says', () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const request = render(api({ method, body: { type: 'json', template: '{"a": 1}' } }));
      expect(request.body).toEqual({ kind: 'none' });
      expect(request.headers).toEqual([]);
    }
  });

  it('json: exact bytes and application/json', () => {
    const request = render(api({ body: { type: 'json', template: '{"name": "${name}", "age": "${age}"}' } }), { name: 'Zoë', age: 30 });
    expect(request.body).toEqual({
      kind: 'bytes',
      contentType: 'application/json',
      bytes: new Uint8Array([...new TextEncoder().encode('{"name": "Zoë", "age": 30}')]),
    });
    expect(request.headers).toEqual([['Content-Type', 'application/json']]);
  });

  it('json without a template: the variables not used by url, query or headers', () => {
    const request = render(
      api({ method: 'PATCH', url: 'https://h.test/contacts/${id}', headers: { 'X-Trace': '${trace}' }, query: { v: '${v}' }, body: { type: 'json' } }),
      normalizeInvokeData({ First_Name: 'Alfred', Phone_Number: '', id: 9, trace: 't', v: 2, VARIABLES: { tags: ['x'] } }).variables,
      { connectionFields: { secret: 'never in the body' } },
    );
    expect(text(request.body)).toBe('{"First_Name":"Alfred","Phone_Number":"","tags":["x"]}');
  });

  it('form: exact bytes and application/x-www-form-urlencoded', () => {
    const request = render(api({ body: { type: 'form', template: 'name=${name}&note=${note}' } }), { name: 'A B', note: 'x&y=z' });
    expect(text(request.body)).toBe('name=A+B&note=x%26y%3Dz');
    expect(request.body).toMatchObject({ contentType: 'application/x-www-form-urlencoded' });
    expect(request.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
  });

  it('raw: substitution as is, text/plain by default', () => {
    const request = render(api({ body: { type: 'raw', template: '<a x="${x}">${y}</a>\n' } }), { x: '"&<', y: 1 });
    expect(text(request.body)).toBe('<a x=""&<">1</a>\n');
    expect(request.headers).toEqual([['Content-Type', 'text/plain; charset=utf-8']]);
    expect(text(render(api({ body: { type: 'raw' } })).body)).toBe('');
  });

  it('a Content-Type header of the API wins over the default and is not duplicated', () => {
    const request = render(
      api({ headers: { 'content-type': 'application/xml; charset=${cs}' }, body: { type: 'raw', template: '<x/>' } }),
      { cs: 'utf-8' },
    );
    expect(request.headers).toEqual([['content-type', 'application/xml; charset=utf-8']]);
    expect(request.body).toMatchObject({ kind: 'bytes', contentType: 'application/xml; charset=utf-8' });
  });

  it('refuses objects in form and raw bodies', () => {
    expect(catchSwitchboardError(() => render(api({ body: { type: 'raw', template: '${o}' } }), { o: { a: 1 } })).details).toEqual({
      variable: 'o',
      reason: 'not_a_scalar',
    });
  });
});

describe('renderRequest: multipart', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
  const base64 = Buffer.from(png).toString('base64');

  it('sends PARTS then FILE with bytes intact, and drops the API Content-Type', () => {
    const data = normalizeInvokeData({
      CONTENT_TYPE: 'multipart',
      PARTS: [
        { name: 'title', value: 'Q3 ☕' },
        { name: 'image', filename: 'a.png', contentType: 'image/png', content: base64 },
      ],
      FILE: { name: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: 'JVBERi0=' },
      id: 3,
    });
    const request = render(
      api({ url: 'https://h.test/docs/${id}', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: { type: 'json', template: '{"x": "${x}"}' } }),
      data.variables,
      { parts: data.parts, file: data.file, contentTypeOverride: data.contentType },
    );
    expect(request.headers).toEqual([['Accept', 'application/json']]);
    expect(request.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'title', value: 'Q3 ☕' },
        { name: 'image', filename: 'a.png', contentType: 'image/png', bytes: png },
        { name: 'file', filename: 'report.pdf', contentType: 'application/pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) },
      ],
    });
  });

  it('turns unplaced variables into text parts when there are no PARTS and no FILE', () => {
    const request = render(api({ url: 'https://h.test/u/${id}', body: { type: 'multipart' } }), { id: 1, a: 'x', n: 2, z: null });
    expect(request.body).toEqual({ kind: 'multipart', parts: [{ name: 'a', value: 'x' }, { name: 'n', value: '2' }, { name: 'z', value: '' }] });
  });

  it('refuses part names, filenames and content types that could forge part headers', () => {
    const file = { name: 'file', filename: 'a.txt', contentType: 'text/plain', bytes: new Uint8Array() };
    const multipart = api({ body: { type: 'multipart' } });
    expect(catchSwitchboardError(() => render(multipart, {}, { parts: [{ name: 'a\r\nX: y', value: '' }] })).details).toEqual({
      variable: 'PARTS[0].name',
      reason: 'invalid_part',
    });
    expect(catchSwitchboardError(() => render(multipart, {}, { file: { ...file, filename: 'a"\r\n.txt' } })).details).toEqual({
      variable: 'FILE.filename',
      reason: 'invalid_part',
    });
    expect(catchSwitchboardError(() => render(multipart, {}, { file: { ...file, contentType: 'text/plain\r\nX-Evil: 1' } })).details).toEqual({
      variable: 'FILE.contentType',
      reason: 'invalid_part',
    });
    expect(render(multipart, {}, { file: { ...file, contentType: 'text/plain; charset="utf-8"' } }).body.kind).toBe('multipart');
  });
});

describe('renderRequest: the whole request', () => {
  it('renders a Salesforce-style API against the connection instance_url', () => {
    const request = render(
      api({
        method: 'PATCH',
        url: '${connection.instance_url}/services/data/${version}/sobjects/Account/${id}',
        headers: { Accept: 'application/json', 'Sforce-Call-Options': 'client=${client}' },
        query: { _HttpMethod: 'PATCH' },
        body: { type: 'json', template: '{"Name": "${name}", "NumberOfEmployees": "${employees}"}' },
      }),
      { version: 'v59.0', id: '001/../../x', client: 'sb', name: 'Acme', employees: 42 },
      { connectionFields: { instance_url: 'https://na1.my.salesforce.com' } },
    );
    expect(request.method).toBe('PATCH');
    expect(request.url.href).toBe('https://na1.my.salesforce.com/services/data/v59.0/sobjects/Account/001%2F..%2F..%2Fx?_HttpMethod=PATCH');
    expect(request.headers).toEqual([
      ['Accept', 'application/json'],
      ['Sforce-Call-Options', 'client=sb'],
      ['Content-Type', 'application/json'],
    ]);
    expect(text(request.body)).toBe('{"Name": "Acme", "NumberOfEmployees": 42}');
  });
});

describe('renderRequest: connection fields', () => {
  const input = (template: ApiTemplate, reads: { count: number }): RenderRequestInput => ({
    api: template,
    variables: { id: 7, extra: 'x' },
    get connectionFields() {
      reads.count += 1;
      return { instance_url: 'https://h.test', tenant: 't1' };
    },
    parts: [],
  });

  it('never reads them when no placeholder needs them (they are decrypted on first read)', () => {
    const reads = { count: 0 };
    const request = renderRequest(input(api({ url: 'https://api.example.com/c/${id}', body: { type: 'json' } }), reads));
    expect(request.url.href).toBe('https://api.example.com/c/7');
    expect(text(request.body)).toBe('{"extra":"x"}');
    expect(reads.count).toBe(0);
  });

  it('reads them once however many placeholders use them', () => {
    const reads = { count: 0 };
    const template = api({ url: '${connection.instance_url}/c/${id}', headers: { 'X-Tenant': '${connection.tenant}' } });
    const request = renderRequest(input(template, reads));
    expect(request.url.href).toBe('https://h.test/c/7');
    expect(request.headers).toContainEqual(['X-Tenant', 't1']);
    expect(reads.count).toBe(1);
  });
});
