import type { Connector } from '../connectors/connector.js';

/** Parameters Switchboard owns; a connector's custom `authorizationParams` cannot override them. */
const RESERVED = new Set(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']);

/**
 * The authorization request URL (RFC 6749 §4.1.1, PKCE RFC 7636 §4.3). Query parameters already in
 * the connector's URL are kept (RFC 6749 §3.1).
 */
export function buildAuthorizationUrl(input: {
  connector: Connector;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string | null;
}): URL {
  const { connector } = input;
  const url = new URL(connector.authorizationUrl);
  for (const [name, value] of Object.entries(connector.authorizationParams)) {
    if (!RESERVED.has(name)) url.searchParams.set(name, value);
  }
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  if (connector.scopes.length > 0) url.searchParams.set('scope', connector.scopes.join(connector.scopeSeparator));
  url.searchParams.set('state', input.state);
  if (input.codeChallenge !== null) {
    url.searchParams.set('code_challenge', input.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url;
}
