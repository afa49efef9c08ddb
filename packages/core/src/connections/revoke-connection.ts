import type { RevokeResult } from '@switchboard/contracts';
import type { Actor } from '../access/actor.js';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import { revokeToken } from '../oauth/token-requests.js';
import { isSwitchboardError } from '../switchboard-error.js';
import type { Connection } from './connection.js';
import type { Connector } from '../connectors/connector.js';
import { consentedConnector } from './consented-connector.js';
import { requireOrgConnector } from './require-org-connector.js';
import { connectionSecretContext } from './secret-contexts.js';

const nothingToRevoke: RevokeResult = { status: 'not_authorized', providerRevocation: 'not_configured', detail: 'There was no connection to revoke.' };

/**
 * Revoke a connection: ask the provider to revoke the chosen token (RFC 7009), then delete the
 * tokens locally whatever it answered, so a provider outage never leaves a connection the user
 * asked to end. The connector must be one the org may use (`connector_not_installed` otherwise).
 */
export async function revokeConnection(deps: CoreDeps, input: { orgId: string; connectorApiName: string; actor: Actor }): Promise<RevokeResult> {
  const { connector } = await requireOrgConnector(deps.store, input.orgId, input.connectorApiName);
  const existing = await deps.store.connections.get(input.orgId, connector.id);
  if (!existing || existing.accessTokenEncrypted === null) return nothingToRevoke;
  return revokeStoredConnection(deps, existing, input.actor);
}

/**
 * Revoke one stored connection, whether or not its connector is still installed (uninstall,
 * connector deletion). Done under the connection's refresh lock so a concurrent refresh cannot
 * write fresh tokens back afterwards. The token goes to the revocation endpoint of the version
 * the user consented to (re-read under the lock), never to one of a later version.
 */
export async function revokeStoredConnection(deps: CoreDeps, connection: Connection, actor: Actor): Promise<RevokeResult> {
  const { store, clock } = deps;
  const result = await store.withConnectionLock(connection.id, async (locked) => {
    const current = locked.current;
    if (current.accessTokenEncrypted === null) return { result: nothingToRevoke, connector: null };
    const connector = await consentedConnector(store, current);
    const outcome: RevokeResult = connector
      ? await revokeAtProvider(deps, connector, current)
      : { status: 'not_authorized', providerRevocation: 'failed', detail: 'The connector version the user consented to no longer exists.' };
    const now = clock.now();
    const event = newEvent(deps, {
      orgId: current.orgId,
      type: 'connection.revoked',
      connector: connector?.apiName ?? null,
      actor,
      data: { providerRevocation: outcome.providerRevocation },
      at: now,
    });
    await locked.clearTokens(now, event);
    return { result: outcome, connector: connector?.apiName ?? null };
  });
  if (result === undefined) return nothingToRevoke;
  deps.logger.info({ org: connection.orgId, connector: result.connector, providerRevocation: result.result.providerRevocation }, 'connection revoked');
  return result.result;
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
