import type { ConnectorView, endpoints } from '@switchboard/contracts';
import type { CallOptions } from '../../api/endpoint-types.js';

export type CreateConnectorBody = CallOptions<typeof endpoints.createConnector>['body'];
export type UpdateConnectorBody = CallOptions<typeof endpoints.updateConnector>['body'];

/** The connector form as typed: every field a string or boolean, turned into a request body on submit. */
export interface ConnectorFormValues {
  name: string;
  apiName: string;
  description: string;
  serviceName: string;
  signupUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl: string;
  revokeUrl: string;
  revokeUsing: '' | 'access_token' | 'refresh_token';
  /** Scope tokens separated by spaces or new lines. */
  scopes: string;
  scopeSeparator: string;
  pkce: boolean;
  clientAuthMethod: 'client_secret_post' | 'client_secret_basic';
  /** `name=value`, one per line. */
  authorizationParams: string;
  tokenParams: string;
  tokenPlacementType: 'header' | 'query';
  tokenPlacementName: string;
  tokenPlacementPrefix: string;
  issuer: string;
}

/** The server's defaults, so the form shows what will be used. */
export const emptyConnectorValues: ConnectorFormValues = {
  name: '',
  apiName: '',
  description: '',
  serviceName: '',
  signupUrl: '',
  authorizationUrl: '',
  tokenUrl: '',
  refreshUrl: '',
  revokeUrl: '',
  revokeUsing: '',
  scopes: '',
  scopeSeparator: ' ',
  pkce: true,
  clientAuthMethod: 'client_secret_post',
  authorizationParams: '',
  tokenParams: '',
  tokenPlacementType: 'header',
  tokenPlacementName: 'Authorization',
  tokenPlacementPrefix: 'Bearer ',
  issuer: '',
};

const mapToLines = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');

export function connectorToValues(connector: ConnectorView): ConnectorFormValues {
  const placement = connector.tokenPlacement;
  return {
    name: connector.name,
    apiName: connector.apiName,
    description: connector.description ?? '',
    serviceName: connector.serviceName,
    signupUrl: connector.signupUrl ?? '',
    authorizationUrl: connector.authorizationUrl,
    tokenUrl: connector.tokenUrl,
    refreshUrl: connector.refreshUrl ?? '',
    revokeUrl: connector.revokeUrl ?? '',
    revokeUsing: connector.revokeUsing ?? '',
    scopes: connector.scopes.join(' '),
    scopeSeparator: connector.scopeSeparator,
    pkce: connector.pkce,
    clientAuthMethod: connector.clientAuthMethod,
    authorizationParams: mapToLines(connector.authorizationParams),
    tokenParams: mapToLines(connector.tokenParams),
    tokenPlacementType: placement.type,
    tokenPlacementName: placement.name,
    tokenPlacementPrefix: placement.type === 'header' ? placement.prefix : 'Bearer ',
    issuer: connector.issuer ?? '',
  };
}

/** Errors found before sending (only what the API cannot point at: the shape of `name=value` lines). */
export type LocalErrors = Partial<Record<keyof ConnectorFormValues, string>>;

/** `a=1\nb=2` → `{a: '1', b: '2'}`, or the first malformed line's message. */
export function parseParamLines(text: string): { map: Record<string, string> } | { error: string } {
  const map: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { error: `Line ${index + 1}: write name=value` };
    map[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { map };
}

const splitScopes = (text: string) => text.split(/\s+/).filter((scope) => scope !== '');

function common(values: ConnectorFormValues): { body: Record<string, unknown>; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const authorizationParams = parseParamLines(values.authorizationParams);
  const tokenParams = parseParamLines(values.tokenParams);
  if ('error' in authorizationParams) errors.authorizationParams = authorizationParams.error;
  if ('error' in tokenParams) errors.tokenParams = tokenParams.error;
  const body: Record<string, unknown> = {
    name: values.name,
    serviceName: values.serviceName,
    authorizationUrl: values.authorizationUrl.trim(),
    tokenUrl: values.tokenUrl.trim(),
    scopes: splitScopes(values.scopes),
    pkce: values.pkce,
    clientAuthMethod: values.clientAuthMethod,
    authorizationParams: 'map' in authorizationParams ? authorizationParams.map : {},
    tokenParams: 'map' in tokenParams ? tokenParams.map : {},
    tokenPlacement:
      values.tokenPlacementType === 'header'
        ? { type: 'header', name: values.tokenPlacementName.trim() || 'Authorization', prefix: values.tokenPlacementPrefix }
        : { type: 'query', name: values.tokenPlacementName.trim() || 'access_token' },
  };
  if (values.scopeSeparator !== '') body['scopeSeparator'] = values.scopeSeparator;
  return { body, errors };
}

const optionalFields = ['description', 'signupUrl', 'refreshUrl', 'revokeUrl', 'revokeUsing', 'issuer'] as const;

/** POST body: optional fields left empty are left out. */
export function toCreateBody(values: ConnectorFormValues): { body: CreateConnectorBody; errors: LocalErrors } {
  const { body, errors } = common(values);
  body['apiName'] = values.apiName.trim();
  for (const field of optionalFields) {
    const value = values[field].trim();
    if (value !== '') body[field] = value;
  }
  return { body: body as CreateConnectorBody, errors };
}

/** PATCH body: every field sent; an emptied optional field is cleared with null. */
export function toUpdateBody(values: ConnectorFormValues): { body: UpdateConnectorBody; errors: LocalErrors } {
  const { body, errors } = common(values);
  for (const field of optionalFields) {
    const value = values[field].trim();
    body[field] = value === '' ? null : value;
  }
  return { body: body as UpdateConnectorBody, errors };
}

/** A service name → a suggested API name (`Acme CRM` → `acme_crm`). */
export function suggestApiName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 50);
  return slug;
}
