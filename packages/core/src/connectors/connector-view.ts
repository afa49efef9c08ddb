import type { ConnectorView } from '@switchboard/contracts';
import type { Connector } from './connector.js';

/** The public shape of a connector (an allow-list: no secret can ride along). */
export function toConnectorView(connector: Connector, extras: { redirectUrl: string; credentialsSet: boolean }): ConnectorView {
  return {
    id: connector.id,
    name: connector.name,
    apiName: connector.apiName,
    description: connector.description,
    serviceName: connector.serviceName,
    signupUrl: connector.signupUrl,
    authorizationUrl: connector.authorizationUrl,
    tokenUrl: connector.tokenUrl,
    refreshUrl: connector.refreshUrl,
    revokeUrl: connector.revokeUrl,
    revokeUsing: connector.revokeUsing,
    scopes: [...connector.scopes],
    scopeSeparator: connector.scopeSeparator,
    pkce: connector.pkce,
    clientAuthMethod: connector.clientAuthMethod,
    authorizationParams: { ...connector.authorizationParams },
    tokenParams: { ...connector.tokenParams },
    tokenPlacement: connector.tokenPlacement,
    issuer: connector.issuer,
    redirectUrl: extras.redirectUrl,
    credentialsSet: extras.credentialsSet,
    createdAt: connector.createdAt.toISOString(),
    updatedAt: connector.updatedAt.toISOString(),
  };
}
