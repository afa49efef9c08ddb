import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector } from '../connectors/connector.js';
import { upgradeImpact, type ConnectorSnapshot } from './upgrade-impact.js';

const at = new Date('2025-01-01T00:00:00Z');

const connector = (patch: Partial<Connector> = {}): Connector => ({
  id: 'c1',
  apiName: 'acme',
  name: 'Acme',
  description: null,
  serviceName: 'Acme',
  signupUrl: null,
  authorizationUrl: 'https://login.acme.example/auth',
  tokenUrl: 'https://login.acme.example/token',
  refreshUrl: null,
  revokeUrl: 'https://login.acme.example/revoke',
  revokeUsing: 'refresh_token',
  scopes: ['openid', 'contacts:read'],
  scopeSeparator: ' ',
  pkce: true,
  clientAuthMethod: 'client_secret_post',
  authorizationParams: {},
  tokenParams: {},
  tokenPlacement: { type: 'header', name: 'Authorization', prefix: 'Bearer ' } as Connector['tokenPlacement'],
  issuer: null,
  createdAt: at,
  updatedAt: at,
  ...patch,
});

const api = (apiName: string, url: string): ApiDefinition => ({
  id: apiName,
  connectorId: 'c1',
  apiName,
  name: apiName,
  description: null,
  method: 'GET',
  url,
  headers: {},
  query: {},
  body: { type: 'none' } as ApiDefinition['body'],
  createdAt: at,
  updatedAt: at,
});

const snapshot = (patch: Partial<Connector> = {}, apis: ApiDefinition[] = [api('list', 'https://api.acme.example/contacts')]): ConnectorSnapshot => ({
  connector: connector(patch),
  apis,
});

describe('upgradeImpact', () => {
  it('is compatible when nothing that consent covers changed', () => {
    const next = snapshot({ name: 'Acme CRM', tokenUrl: 'https://login.acme.example/oauth/token' }, [
      api('list', 'https://api.acme.example/v2/contacts?limit=${limit}'),
      api('create', 'https://api.acme.example/contacts'),
    ]);
    expect(upgradeImpact(snapshot(), next)).toEqual({ kind: 'compatible' });
  });

  it('is compatible when scopes are removed or reordered', () => {
    expect(upgradeImpact(snapshot(), snapshot({ scopes: ['contacts:read'] }))).toEqual({ kind: 'compatible' });
    expect(upgradeImpact(snapshot(), snapshot({ scopes: ['contacts:read', 'openid'] }))).toEqual({ kind: 'compatible' });
  });

  it('reports scopes that were not consented to', () => {
    expect(upgradeImpact(snapshot(), snapshot({ scopes: ['openid', 'contacts:read', 'contacts:write'] }))).toEqual({
      kind: 'scopes_changed',
      addedScopes: ['contacts:write'],
    });
  });

  it.each([
    ['authorizationUrl', { authorizationUrl: 'https://evil.example/auth' }],
    ['tokenUrl', { tokenUrl: 'https://login.acme.example:8443/token' }],
    ['refreshUrl', { refreshUrl: 'http://login.acme.example/token' }],
    ['revokeUrl', { revokeUrl: 'https://revoke.acme.example/revoke' }],
  ] as const)('reports a new origin of %s', (field, patch) => {
    expect(upgradeImpact(snapshot(), snapshot(patch))).toEqual({ kind: 'endpoints_changed', changed: expect.arrayContaining([field]) });
  });

  it('treats a refresh URL on the token origin as no change, and a new revocation endpoint as one', () => {
    expect(upgradeImpact(snapshot(), snapshot({ refreshUrl: 'https://login.acme.example/refresh' }))).toEqual({ kind: 'compatible' });
    expect(upgradeImpact(snapshot(), snapshot({ revokeUrl: null, revokeUsing: null }))).toEqual({ kind: 'compatible' });
    expect(upgradeImpact(snapshot({ revokeUrl: null, revokeUsing: null }), snapshot())).toEqual({ kind: 'endpoints_changed', changed: ['revokeUrl'] });
  });

  it('reports an API origin that no consented API used', () => {
    const next = snapshot({}, [api('list', 'https://api.acme.example/contacts'), api('exfil', 'https://collector.example/${x}')]);
    expect(upgradeImpact(snapshot(), next)).toEqual({ kind: 'endpoints_changed', changed: ['apis.exfil'] });
  });

  it('accepts an API moving to another consented API origin, and treats a connection-field origin by its field', () => {
    const consented = snapshot({}, [api('a', 'https://api.acme.example/a'), api('b', '${connection.instance_url}/b')]);
    expect(upgradeImpact(consented, snapshot({}, [api('a', '${connection.instance_url}/a')]))).toEqual({ kind: 'compatible' });
    expect(upgradeImpact(consented, snapshot({}, [api('a', '${connection.other_url}/a')]))).toEqual({ kind: 'endpoints_changed', changed: ['apis.a'] });
  });

  it('prefers endpoints_changed when scopes change too', () => {
    expect(upgradeImpact(snapshot(), snapshot({ scopes: ['admin'], tokenUrl: 'https://other.example/token' }))).toEqual({
      kind: 'endpoints_changed',
      changed: ['tokenUrl', 'refreshUrl'],
    });
  });
});
