import * as oauth from 'oauth4webapi';
import type { Connector } from '../connectors/connector.js';
import { SwitchboardError, isSwitchboardError } from '../switchboard-error.js';
import { oauthClientFor, requestOptions } from './oauth-client.js';
import type { OAuthTransport } from './oauth-transport.js';
import { processTokenResponse, type TokenOutcome } from './token-response.js';

export interface ClientSecrets {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * RFC 6749 §4.1.3 access token request. `callbackParams` must come from `validateCallback`.
 * The redirect_uri is the exact one sent in the authorization request.
 */
export async function exchangeAuthorizationCode(input: {
  connector: Connector;
  secrets: ClientSecrets;
  callbackParams: URLSearchParams;
  redirectUri: string;
  codeVerifier: string | null;
  transport: OAuthTransport;
}): Promise<TokenOutcome> {
  const { connector, transport } = input;
  const { as, client, clientAuth } = oauthClientFor(connector, input.secrets.clientId, input.secrets.clientSecret);
  const response = await guarded(() =>
    oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      input.callbackParams,
      input.redirectUri,
      input.codeVerifier ?? oauth.nopkce,
      requestOptions(transport, connector.tokenUrl, connector.tokenParams),
    ),
  );
  return processTokenResponse(response, connector.scopeSeparator);
}

/** RFC 6749 §6 refresh, at the connector's refresh URL (default: its token URL). */
export async function refreshAccessToken(input: {
  connector: Connector;
  secrets: ClientSecrets;
  refreshToken: string;
  transport: OAuthTransport;
}): Promise<TokenOutcome> {
  const { connector, transport } = input;
  const { as, client, clientAuth } = oauthClientFor(connector, input.secrets.clientId, input.secrets.clientSecret, true);
  const response = await guarded(() =>
    oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuth,
      input.refreshToken,
      requestOptions(transport, connector.refreshUrl ?? connector.tokenUrl, connector.tokenParams),
    ),
  );
  return processTokenResponse(response, connector.scopeSeparator);
}

/** RFC 7009 §2.1 revocation with `token_type_hint`; §2.2: 200 means revoked (or already invalid). */
export async function revokeToken(input: {
  connector: Connector & { readonly revokeUrl: string };
  secrets: ClientSecrets;
  token: string;
  tokenTypeHint: 'access_token' | 'refresh_token';
  transport: OAuthTransport;
}): Promise<{ ok: true } | { ok: false; status: number; error: string | null }> {
  const { connector, transport } = input;
  const { as, client, clientAuth } = oauthClientFor(connector, input.secrets.clientId, input.secrets.clientSecret);
  const response = await guarded(() =>
    oauth.revocationRequest(as, client, clientAuth, input.token, {
      ...requestOptions(transport, connector.revokeUrl),
      additionalParameters: { token_type_hint: input.tokenTypeHint },
    }),
  );
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true };
  }
  let error: string | null = null;
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') error = body.error.slice(0, 100);
  } catch {
    // A non-JSON error body says nothing more than the status.
  }
  return { ok: false, status: response.status, error };
}

/** Map transport failures (timeouts, refused http) to Switchboard codes; never echo the request. */
async function guarded(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (error) {
    if (isSwitchboardError(error)) throw error;
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new SwitchboardError('upstream_timeout', 'The authorization server did not answer in time.', { cause: error });
    }
    if (error instanceof oauth.UnsupportedOperationError || (error instanceof oauth.OperationProcessingError && error.code === oauth.HTTP_REQUEST_FORBIDDEN)) {
      throw new SwitchboardError('destination_blocked', 'Plain http is only allowed for hosts in SWITCHBOARD_ALLOW_PRIVATE_NETWORK.', { cause: error });
    }
    throw new SwitchboardError('upstream_unreachable', 'The authorization server could not be reached.', { cause: error });
  }
}
