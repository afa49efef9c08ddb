import type { Connector } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbBoolean, fromDbDate, fromDbJson } from './column-codec.js';
import type { ConnectorsTable } from './schema.js';

export function connectorFromRow(row: Selectable<ConnectorsTable>): Connector {
  return {
    id: row.id,
    apiName: row.api_name,
    name: row.name,
    description: row.description,
    serviceName: row.service_name,
    signupUrl: row.signup_url,
    authorizationUrl: row.authorization_url,
    tokenUrl: row.token_url,
    refreshUrl: row.refresh_url,
    revokeUrl: row.revoke_url,
    revokeUsing: row.revoke_using,
    scopes: fromDbJson<Connector['scopes']>(row.scopes),
    scopeSeparator: row.scope_separator,
    pkce: fromDbBoolean(row.pkce),
    clientAuthMethod: row.client_auth_method,
    authorizationParams: fromDbJson<Connector['authorizationParams']>(row.authorization_params),
    tokenParams: fromDbJson<Connector['tokenParams']>(row.token_params),
    tokenPlacement: fromDbJson<Connector['tokenPlacement']>(row.token_placement),
    issuer: row.issuer,
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}
