import type { RevokeResult } from '@switchboard/contracts';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import { requireConnector } from '../connectors/require-connector.js';
import type { CoreDeps } from '../core-deps.js';
import { revokeToken } from '../oauth/token-requests.js';
import { requireOrg } from '../orgs/require-org.js';
import { isSwitchboardError } from '../switchboard-error.js';
import type { Connection } from './connection.js';
import type { Connector } from '../connectors/connector.js';
import { connectionSecretContext } from './secret-contexts.js';

/**
 * Revoke a connection: ask the provider to revoke the chosen token (RFC 7009), then delete the
 * tokens locally whatever it answered, so a provider outage never leaves a connection the user
 * asked to end. Done under the connection's refresh lock so a concurrent refresh cannot write
 * fresh tokens back afterwards.
 */
export async function revokeConnection(deps: CoreDeps, input: { orgId: string; connectorApiName: string }): Promise<RevokeResult> {
  const { store, clock } = deps;
  await requireOrg(store, input.orgId);
  const connector = await requireConnector(store, input.connectorApiName);
  const existing = await store.connections.get(input.orgId, connector.id);
  if (!existing || existing.accessTokenEncrypted === null) {
    return { status: 'not_authorized', providerRevocation: 'not_configured', detail: 'There was no connection to revoke.' };
  }
  const result = await store.withConnectionLock(existing.id, async (locked) => {
    const outcome = await revokeAtProvider(deps, connector, locked.current);
    await locked.clearTokens(clock.now());
    return outcome;
  });
  deps.logger.info({ org: input.orgId, connector: connector.apiName, providerRevocation: result?.providerRevocation }, 'connection revoked');
  return result ?? { status: 'not_authorized', providerRevocation: 'not_configured', detail: 'There was no connection to revoke.' };
}

async function revokeAtProvider(deps: CoreDeps, connector: Connector, connection: Connection): Promise<RevokeResult> {
  const { revokeUrl, revokeUsing } = connector;
  if (revokeUrl === null || revokeUsing === null) return { status: 'not_authorized', providerRevocation: 'not_configured' };
  // Revoking a refresh token also ends its access tokens (RFC 7009 §2.1); fall back to the
  // access token when the provider issued no refresh token.
  const useRefresh = revokeUsing === 'refresh_token' && connection.refreshTokenEncrypted !== null;
  const encrypted = useRefresh ? connection.refreshTokenEncrypted : connection.accessTokenEncrypted;
  if (encrypted === null) return { status: 'not_authorized', providerRevocation: 'failed', detail: 'No token to revoke.' };
  const hint = useRefresh ? 'refresh_token' : 'access_token';
  const token = deps.cipher.decrypt(encrypted, connectionSecretContext(connection.orgId, connector.id, hint));
  try {
    const secrets = await loadClientSecrets(deps.store, deps.cipher, connector);
    const outcome = await revokeToken({ connector: { ...connector, revokeUrl }, secrets, token, tokenTypeHint: hint, transport: deps.oauth });
    if (outcome.ok) return { status: 'not_authorized', providerRevocation: 'succeeded' };
    return {
      status: 'not_authorized',
      providerRevocation: 'failed',
      detail: `The service answered HTTP ${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}.`,
    };
  } catch (error) {
    const code = isSwitchboardError(error) ? error.code : 'upstream_unreachable';
    return { status: 'not_authorized', providerRevocation: 'failed', detail: `The service could not be reached (${code}).` };
  }
}
