import { createConnectorSchema, updateConnectorSchema, type ConnectorView } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { connectorToValues, emptyConnectorValues, parseParamLines, suggestApiName, toCreateBody, toUpdateBody } from './connector-form-values.js';

const filled = {
  ...emptyConnectorValues,
  name: 'Acme CRM',
  apiName: 'acme',
  serviceName: 'Acme',
  authorizationUrl: 'https://acme.test/authorize',
  tokenUrl: ' https://acme.test/token ',
  revokeUrl: 'https://acme.test/revoke',
  revokeUsing: 'refresh_token' as const,
  scopes: 'contacts.read\n contacts.write  offline_access',
  authorizationParams: 'prompt=consent\n\naccess_type = offline',
};

describe('connector form values', () => {
  it('builds a create body the contract accepts, leaving empty optional fields out', () => {
    const { body, errors } = toCreateBody(filled);
    expect(errors).toEqual({});
    const parsed = createConnectorSchema.parse(body);
    expect(parsed.scopes).toEqual(['contacts.read', 'contacts.write', 'offline_access']);
    expect(parsed.authorizationParams).toEqual({ prompt: 'consent', access_type: 'offline' });
    expect(parsed.tokenUrl).toBe('https://acme.test/token');
    expect(body).not.toHaveProperty('issuer');
    expect(body).not.toHaveProperty('description');
  });

  it('builds an update body that clears emptied optional fields with null and never sends apiName', () => {
    const { body } = toUpdateBody({ ...filled, revokeUrl: '', revokeUsing: '' });
    const parsed = updateConnectorSchema.parse(body);
    expect(parsed.revokeUrl).toBeNull();
    expect(parsed.revokeUsing).toBeNull();
    expect(body).not.toHaveProperty('apiName');
  });

  it('round-trips a connector view', () => {
    const view: ConnectorView = {
      id: 'c1', name: 'Acme', apiName: 'acme', description: null, serviceName: 'Acme', signupUrl: null,
      authorizationUrl: 'https://a.test/auth', tokenUrl: 'https://a.test/token', refreshUrl: null, revokeUrl: null, revokeUsing: null,
      scopes: ['a', 'b'], scopeSeparator: ',', pkce: false, clientAuthMethod: 'client_secret_basic', authorizationParams: { x: '1' }, tokenParams: {},
      tokenPlacement: { type: 'query', name: 'token' }, issuer: null, redirectUrl: 'http://127.0.0.1:4400/v1/oauth/callback', credentialsSet: false,
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const { body } = toUpdateBody(connectorToValues(view));
    expect(updateConnectorSchema.parse(body)).toMatchObject({ scopes: ['a', 'b'], scopeSeparator: ',', pkce: false, authorizationParams: { x: '1' }, tokenPlacement: { type: 'query', name: 'token' } });
  });

  it('points at a malformed name=value line', () => {
    expect(parseParamLines('a=1\nnovalue')).toEqual({ error: 'Line 2: write name=value' });
    expect(toCreateBody({ ...filled, tokenParams: '=x' }).errors).toEqual({ tokenParams: 'Line 1: write name=value' });
  });

  it('suggests an API name the contract accepts', () => {
    expect(suggestApiName('Acme CRM')).toBe('acme_crm');
    expect(suggestApiName('1Password Teams!')).toBe('password_teams');
  });
});
