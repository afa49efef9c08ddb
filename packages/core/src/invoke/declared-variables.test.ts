import { describe, expect, it } from 'vitest';
import type { ApiTemplate } from './api-template.js';
import { declaredConnectionFields, declaredVariables } from './declared-variables.js';
import { placeholdersOf } from './placeholders-of.js';

const api = (overrides: Partial<ApiTemplate> = {}): ApiTemplate => ({
  method: 'POST',
  url: '${connection.instance_url}/v1/${org}/items/${id}?fields=${fields}',
  headers: { 'X-Tenant': '${connection.tenant}', 'X-Trace': '${trace}-${id}' },
  query: { limit: '${limit}', org: '${org}' },
  body: { type: 'json', template: '{"name": "${name}", "id": "${id}", "price": ${price}}' },
  ...overrides,
});

describe('declaredVariables', () => {
  it('lists request variables once each, in order of appearance: url, headers, query, body', () => {
    expect(declaredVariables(api())).toEqual(['org', 'id', 'fields', 'trace', 'limit', 'name', 'price']);
  });

  it('leaves out connection placeholders, which declaredConnectionFields lists without the prefix', () => {
    expect(declaredConnectionFields(api())).toEqual(['instance_url', 'tenant']);
    expect(placeholdersOf(api())).toEqual([
      'connection.instance_url', 'org', 'id', 'fields', 'connection.tenant', 'trace', 'limit', 'name', 'price',
    ]);
  });

  it('ignores escaped placeholders', () => {
    expect(declaredVariables(api({ url: 'https://x.test/$${literal}/${real}', headers: {}, query: {}, body: { type: 'none' } }))).toEqual(['real']);
  });

  it('ignores a body template that is never sent (GET, multipart, none)', () => {
    const body = { type: 'json' as const, template: '{"a": "${a}"}' };
    expect(declaredVariables(api({ method: 'GET', body }))).not.toContain('a');
    expect(declaredVariables(api({ body: { ...body, type: 'multipart' } }))).not.toContain('a');
    expect(declaredVariables(api({ body: { ...body, type: 'none' } }))).not.toContain('a');
    expect(declaredVariables(api({ body: { ...body, type: 'raw' } }))).toContain('a');
  });
});
