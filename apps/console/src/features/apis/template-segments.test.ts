import { describe, expect, it } from 'vitest';
import { declaredPlaceholders, templateSegments } from './template-segments.js';

describe('templateSegments', () => {
  it('splits placeholders from literal text like the server, keeping $${ as a literal ${', () => {
    expect(templateSegments('{"a": "${First_Name}", "b": "$${not_me}", "c": "${a b}"}')).toEqual([
      { kind: 'literal', text: '{"a": "' },
      { kind: 'placeholder', name: 'First_Name' },
      { kind: 'literal', text: '", "b": "${not_me}", "c": "${a b}"}' },
    ]);
    expect(templateSegments('')).toEqual([]);
  });
});

describe('declaredPlaceholders', () => {
  const api = {
    method: 'POST',
    url: '${connection.instance_url}/contacts/${id}',
    headers: { 'X-Trace': '${trace}' },
    query: { limit: '${limit}', again: '${id}' },
    body: { type: 'json', template: '{"name": "${name}"}' },
  };

  it('lists variables in order of appearance (URL, headers, query, body), connection fields apart', () => {
    expect(declaredPlaceholders(api)).toEqual({ variables: ['id', 'trace', 'limit', 'name'], connectionFields: ['instance_url'] });
  });

  it('leaves out a body that is never sent (GET, multipart)', () => {
    expect(declaredPlaceholders({ ...api, method: 'GET' }).variables).toEqual(['id', 'trace', 'limit']);
    expect(declaredPlaceholders({ ...api, body: { type: 'multipart', template: '${x}' } }).variables).toEqual(['id', 'trace', 'limit']);
  });
});
