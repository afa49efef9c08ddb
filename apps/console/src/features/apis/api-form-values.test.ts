import { createApiSchema, updateApiSchema, type ApiView } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { newKeyValueRow } from '../../components/key-value-editor.js';
import { apiToValues, emptyApiValues, isDirty, localApiErrors, toCreateApiBody, toUpdateApiBody } from './api-form-values.js';

const saved: ApiView = {
  id: 'a1',
  connector: 'acme',
  apiName: 'createcontact',
  identifier: 'acme.createcontact',
  name: 'Create contact',
  description: null,
  method: 'POST',
  url: 'https://acme.test/contacts',
  headers: { Accept: 'application/json' },
  query: {},
  body: { type: 'json', template: '{"a": "${a}"}' },
  variables: ['a'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('API form values', () => {
  it('builds a create body the contract accepts: blank rows and empty optional fields left out', () => {
    const values = { ...emptyApiValues, name: ' List ', url: 'https://acme.test/x', headers: [newKeyValueRow('Accept', 'text/plain'), newKeyValueRow(' ', 'ignored')], bodyType: 'none' as const, bodyTemplate: 'stale' };
    const body = toCreateApiBody(values);
    expect(createApiSchema.parse(body)).toEqual({ name: 'List', method: 'GET', url: 'https://acme.test/x', headers: { Accept: 'text/plain' }, query: {}, body: { type: 'none' } });
  });

  it('builds an update body that clears an emptied description and never sends apiName', () => {
    const values = { ...apiToValues({ ...saved, description: 'old' }), description: '  ' };
    const body = toUpdateApiBody(values);
    expect(updateApiSchema.parse(body)).toMatchObject({ description: null, body: { type: 'json', template: '{"a": "${a}"}' } });
    expect(body).not.toHaveProperty('apiName');
  });

  it('tells saved values from edited ones, ignoring row ids', () => {
    const values = apiToValues(saved);
    expect(isDirty(apiToValues(saved), values)).toBe(false);
    expect(isDirty({ ...values, url: 'https://acme.test/other' }, values)).toBe(true);
  });

  it('refuses duplicate header names case-insensitively before sending', () => {
    const values = { ...emptyApiValues, headers: [newKeyValueRow('Accept', 'a'), newKeyValueRow('accept', 'b')], query: [newKeyValueRow('q', '1'), newKeyValueRow('Q', '2')] };
    expect(localApiErrors(values)).toEqual({ headers: expect.stringContaining('accept') });
  });
});
