import * as oauth from 'oauth4webapi';
import type { Connector } from '../connectors/connector.js';
import type { OAuthTransport } from './oauth-transport.js';

/** Stands in for an unknown issuer; never equal to a real `iss`, which we strip in that case. */
const UNKNOWN_ISSUER = 'urn:switchboard:issuer-not-configured';

/** The oauth4webapi view of a connector: authorization server metadata, client and its auth. */
export interface OAuthClient {
  readonly as: oauth.AuthorizationServer;
  readonly client: oauth.Client;
  readonly clientAuth: oauth.ClientAuth;
}

export function oauthClientFor(connector: Connector, clientId: string, clientSecret: string, forRefresh = false): OAuthClient {
  return {
    as: {
      issuer: connector.issuer ?? UNKNOWN_ISSUER,
      authorization_endpoint: connector.authorizationUrl,
      token_endpoint: forRefresh ? (connector.refreshUrl ?? connector.tokenUrl) : connector.tokenUrl,
      ...(connector.revokeUrl ? { revocation_endpoint: connector.revokeUrl } : {}),
    },
    client: { client_id: clientId },
    // RFC 6749 §2.3.1: both methods are allowed; which one a provider accepts is configuration.
    clientAuth:
      connector.clientAuthMethod === 'client_secret_basic'
        ? oauth.ClientSecretBasic(clientSecret)
        : oauth.ClientSecretPost(clientSecret),
  };
}

/** oauth4webapi request options: our guarded fetch, and http only where the operator allowed it. */
export function requestOptions(transport: OAuthTransport, endpoint: string, additionalParameters?: Readonly<Record<string, string>>) {
  return {
    [oauth.customFetch]: (url: string, init: RequestInit) => transport.fetch(url, init),
    [oauth.allowInsecureRequests]: transport.allowsInsecureHttp(new URL(endpoint)),
    signal: AbortSignal.timeout(transport.timeoutMs),
    ...(additionalParameters && Object.keys(additionalParameters).length > 0
      ? { additionalParameters: { ...additionalParameters } }
      : {}),
  };
}
