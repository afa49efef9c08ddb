import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json-value.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { createPlaceholderValues } from './placeholder-values.js';
import { renderUrl } from './render-url.js';

const render = (
  template: string,
  variables: Record<string, JsonValue>,
  options: { query?: Record<string, string>; connection?: Record<string, JsonValue> } = {},
): URL => renderUrl(template, options.query ?? {}, createPlaceholderValues(variables, options.connection ?? {}));

const hostilePathValues: Array<[string, string]> = [
  ['a/b', '/files/a%2Fb/raw'],
  ['../admin', '/files/..%2Fadmin/raw'],
  ['%2e%2e', '/files/%252e%252e/raw'],
  ['%2e%2e%2fadmin', '/files/%252e%252e%252fadmin/raw'],
  ['?x=1', '/files/%3Fx%3D1/raw'],
  ['#frag', '/files/%23frag/raw'],
  ['@evil.com', '/files/%40evil.com/raw'],
  ['evil.com', '/files/evil.com/raw'],
  ['//evil.com', '/files/%2F%2Fevil.com/raw'],
  ['\\\\evil.com', '/files/%5C%5Cevil.com/raw'],
  ['..\\admin', '/files/..%5Cadmin/raw'],
  ['a..b', '/files/a..b/raw'],
  ['.env', '/files/.env/raw'],
  ['...', '/files/.../raw'],
  ['a b', '/files/a%20b/raw'],
  ['café ☕ 𝄞', '/files/caf%C3%A9%20%E2%98%95%20%F0%9D%84%9E/raw'],
  ['x\r\nHost: evil', '/files/x%0D%0AHost%3A%20evil/raw'],
  ['\u0000', '/files/%00/raw'],
  ['https://evil.com/', '/files/https%3A%2F%2Fevil.com%2F/raw'],
];

describe('renderUrl: hostile path values keep origin and path structure', () => {
  it.each(hostilePathValues)('%j stays inside one segment', (value, expectedPath) => {
    const url = render('https://api.example.com/files/${name}/raw', { name: value });
    expect(url.origin).toBe('https://api.example.com');
    expect(url.pathname).toBe(expectedPath);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(decodeURIComponent(url.pathname.split('/')[2] ?? '')).toBe(value);
  });

  it.each(['..', '.'])('rejects %j as a whole segment with path_traversal', (value) => {
    const error = catchSwitchboardError(() => render('https://api.example.com/files/${name}/raw', { name: value }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ variable: 'name', reason: 'path_traversal' });
  });

  it('rejects a value that completes a dot segment with literal text', () => {
    expect(catchSwitchboardError(() => render('https://h.test/a/.${ext}', { ext: '.' })).details).toEqual({ variable: 'ext', reason: 'path_traversal' });
    expect(catchSwitchboardError(() => render('https://h.test/a/.${ext}', { ext: '' })).details).toEqual({ variable: 'ext', reason: 'path_traversal' });
    expect(catchSwitchboardError(() => render('https://h.test/a/%2e${ext}/b', { ext: '.' })).details).toEqual({ variable: 'ext', reason: 'path_traversal' });
  });

  it('rejects a dot segment at the end of the path too', () => {
    expect(catchSwitchboardError(() => render('https://h.test/${p}', { p: '..' })).details.reason).toBe('path_traversal');
  });

  it('accepts very long values unchanged', () => {
    const value = 'a/'.repeat(50_000);
    const url = render('https://api.example.com/files/${name}', { name: value });
    expect(url.origin).toBe('https://api.example.com');
    expect(url.pathname).toBe(`/files/${'a%2F'.repeat(50_000)}`);
  });

  it('rejects a lone surrogate, which has no UTF-8 form', () => {
    expect(catchSwitchboardError(() => render('https://h.test/${p}', { p: 'a\uD800' })).details).toEqual({ variable: 'p', reason: 'invalid_unicode' });
  });

  it('renders numbers, booleans and null; refuses objects', () => {
    expect(render('https://h.test/${a}/${b}/${c}x', { a: 42, b: false, c: null }).pathname).toBe('/42/false/x');
    expect(catchSwitchboardError(() => render('https://h.test/${a}', { a: { x: 1 } })).details).toEqual({ variable: 'a', reason: 'not_a_scalar' });
    expect(catchSwitchboardError(() => render('https://h.test/${a}', { a: [1] })).details).toEqual({ variable: 'a', reason: 'not_a_scalar' });
  });

  it('keeps the explicit port and an empty segment from an empty value', () => {
    const url = render('http://localhost:8080/a/${x}/b', { x: '' });
    expect(url.href).toBe('http://localhost:8080/a//b');
  });
});

describe('renderUrl: query', () => {
  it('encodes template query placeholders as one component each', () => {
    const url = render('https://h.test/search?q=${q}&page=${page}', { q: 'a&admin=true#x y+z', page: 2 });
    expect(url.search).toBe('?q=a%26admin%3Dtrue%23x%20y%2Bz&page=2');
    expect(url.searchParams.get('q')).toBe('a&admin=true#x y+z');
    expect(url.searchParams.get('admin')).toBeNull();
    expect(url.hash).toBe('');
  });

  it('appends the query map with URLSearchParams encoding after the template query, kept verbatim', () => {
    const url = render('https://h.test/x?fixed=a%20b&raw=1', { id: '7&x=1', name: 'Zoë Ü' }, {
      query: { id: '${id}', name: 'n:${name}', literal: 'a b' },
    });
    expect(url.search).toBe('?fixed=a%20b&raw=1&id=7%26x%3D1&name=n%3AZo%C3%AB+%C3%9C&literal=a+b');
  });

  it('adds a query when the template has none, and handles a trailing & or bare ?', () => {
    expect(render('https://h.test/x', {}, { query: { a: '1' } }).href).toBe('https://h.test/x?a=1');
    expect(render('https://h.test/x?', {}, { query: { a: '1' } }).href).toBe('https://h.test/x?a=1');
    expect(render('https://h.test/x?b=2&', {}, { query: { a: '1' } }).href).toBe('https://h.test/x?b=2&a=1');
    expect(render('https://h.test', {}, { query: { a: '1' } }).href).toBe('https://h.test/?a=1');
  });

  it('cannot change the origin from the query either', () => {
    const url = render('https://h.test/x?next=${n}', { n: '//evil.com/@x' });
    expect(url.origin).toBe('https://h.test');
    expect(url.pathname).toBe('/x');
  });
});

describe('renderUrl: origin from a connection field', () => {
  const template = '${connection.instance_url}/services/data/${version}/query?q=${soql}';

  it('takes scheme, host and port from the field', () => {
    const url = render(template, { version: 'v59.0', soql: 'SELECT Id FROM Account' }, {
      connection: { instance_url: 'https://na1.salesforce.com' },
    });
    expect(url.href).toBe('https://na1.salesforce.com/services/data/v59.0/query?q=SELECT%20Id%20FROM%20Account');
  });

  it('keeps a base path of the field, with or without a trailing slash', () => {
    const values = { version: 'v1', soql: 'x' };
    expect(render(template, values, { connection: { instance_url: 'https://h.test/base/' } }).pathname).toBe('/base/services/data/v1/query');
    expect(render(template, values, { connection: { instance_url: 'https://h.test:8443/base' } }).href).toBe(
      'https://h.test:8443/base/services/data/v1/query?q=x',
    );
    expect(render('${connection.instance_url}', {}, { connection: { instance_url: 'https://h.test' } }).href).toBe('https://h.test/');
  });

  it.each([
    ['not a URL', 'na1.salesforce.com'],
    ['another scheme', 'javascript:alert(1)'],
    ['file scheme', 'file:///etc/passwd'],
    ['credentials', 'https://user:pw@h.test'],
    ['a query', 'https://h.test/?x=1'],
    ['a bare ?', 'https://h.test?'],
    ['a fragment', 'https://h.test/#x'],
    ['a number', 42],
    ['an object', { url: 'https://h.test' }],
    ['null', null],
  ])('rejects a field with %s', (_label, value) => {
    const error = catchSwitchboardError(() => render(template, { version: 'v1', soql: 'x' }, { connection: { instance_url: value } }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ variable: 'connection.instance_url', reason: 'invalid_base_url' });
    expect(error.message).not.toContain(String(value));
  });

  it('encodes a connection field used in the path like any value', () => {
    const url = render('https://h.test/t/${connection.tenant}/x', {}, { connection: { tenant: '../admin' } });
    expect(url.pathname).toBe('/t/..%2Fadmin/x');
  });
});

describe('renderUrl: definition errors caught at render time', () => {
  it.each([
    'https://${host}/x',
    'https://api.${domain}/x',
    'https://h.test:${port}/x',
    'https://${user}@h.test/x',
    'https://${connection.subdomain}.h.test/x',
    '${connection.host}.evil.com/x',
    '${connection.host}${path}',
    '${host}/x',
  ])('refuses %s: the origin is not literal', (template) => {
    const error = catchSwitchboardError(() => render(template, { host: 'evil.com', domain: 'x', port: 1, user: 'u', path: '/x' }, {
      connection: { subdomain: 'a', host: 'https://h.test' },
    }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details.reason).toBe('invalid_template');
  });

  it('falls back on the backstop for literal text the URL parser rewrites', () => {
    expect(catchSwitchboardError(() => render('https://h.test/a b/${x}', { x: '1' })).details.reason).toBe('path_traversal');
    expect(catchSwitchboardError(() => render('https://h.test/a\\b/${x}', { x: '1' })).details.reason).toBe('path_traversal');
  });

  it('refuses literal dot segments', () => {
    expect(catchSwitchboardError(() => render('https://h.test/a/../${x}', { x: '1' })).details).toEqual({ reason: 'invalid_template' });
  });
});
