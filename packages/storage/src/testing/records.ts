import { randomUUID } from 'node:crypto';
import { SwitchboardError, type ApiDefinition, type ConnectionTokens, type Connector, type Org } from '@switchboard/core';
import { expect } from 'vitest';

/**
 * Records for the storage suites: valid, distinct on every call (random ids and API names), with
 * dates that are not "now". Each suite overrides what its test is about.
 */
// Millisecond-precise dates that are not "now", so a round trip through the database is visible.
export const t0 = new Date('2025-03-01T10:00:00.123Z');
export const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
export const unique = (prefix: string): string => `${prefix}_${randomUUID().slice(0, 8)}`;

export function aConnector(overrides: Partial<Connector> = {}): Connector {
  return {
    id: randomUUID(),
    apiName: unique('crm'),
    name: 'Acme CRM',
    description: null,
    serviceName: 'Acme',
    signupUrl: null,
    authorizationUrl: 'https://acme.example/oauth/authorize',
    tokenUrl: 'https://acme.example/oauth/token',
    refreshUrl: null,
    revokeUrl: 'https://acme.example/oauth/revoke',
    revokeUsing: 'refresh_token',
    scopes: ['contacts.read', 'offline_access'],
    scopeSeparator: ' ',
    pkce: true,
    clientAuthMethod: 'client_secret_basic',
    authorizationParams: { prompt: 'consent' },
    tokenParams: {},
    tokenPlacement: { type: 'header', name: 'Authorization', prefix: 'Bearer ' },
    issuer: null,
    createdAt: t0,
    updatedAt: t0,
    ...overrides,
  };
}

export function anApi(connectorId: string, overrides: Partial<ApiDefinition> = {}): ApiDefinition {
  return {
    id: randomUUID(),
    connectorId,
    apiName: unique('list_contacts'),
    name: 'List contacts',
    description: 'All contacts',
    method: 'POST',
    url: 'https://acme.example/api/contacts/${id}',
    headers: { 'X-Trace': '${trace}' },
    query: { limit: '10' },
    body: { type: 'json', template: '{"age":"${age}"}' },
    createdAt: t0,
    updatedAt: t0,
    ...overrides,
  };
}

export function anOrg(overrides: Partial<Org> = {}): Org {
  return { id: unique('org'), name: 'Org', createdAt: t0, ...overrides };
}

export function someTokens(label: string, overrides: Partial<ConnectionTokens> = {}): ConnectionTokens {
  return {
    accessTokenEncrypted: `access:${label}`,
    refreshTokenEncrypted: `refresh:${label}`,
    tokenType: 'bearer',
    expiresAt: at(3600),
    fieldsEncrypted: `fields:${label}`,
    scopes: ['contacts.read'],
    ...overrides,
  };
}

export function expectSwitchboardError(error: unknown, code: SwitchboardError['code']): void {
  expect(error).toBeInstanceOf(SwitchboardError);
  expect((error as SwitchboardError).code).toBe(code);
}
