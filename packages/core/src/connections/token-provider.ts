import type { Connector } from '../connectors/connector.js';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import type { CoreDeps } from '../core-deps.js';
import type { JsonValue } from '../json-value.js';
import { refreshAccessToken } from '../oauth/token-requests.js';
import type { LockedConnection } from '../ports/store.js';
import { SwitchboardError, isSwitchboardError } from '../switchboard-error.js';
import type { Connection } from './connection.js';
import { encryptTokens } from './encrypt-tokens.js';
import { consentedConnector } from './consented-connector.js';
import { connectionSecretContext } from './secret-contexts.js';
import { createSingleFlight } from './single-flight.js';
import { systemActor } from '../access/actor.js';
import type { AuditEvent } from '../events/audit-event.js';
import { newEvent } from '../events/new-event.js';

/** A usable access token with what the invoke pipeline needs alongside it. */
export interface UsableToken {
  readonly accessToken: string;
  /** Token-response fields for `${connection.<field>}` placeholders (decrypted when first read). */
  readonly fields: Readonly<Record<string, JsonValue>>;
  /** Pass back as `rejectedGeneration` when the upstream answered 401 with this token. */
  readonly generation: number;
}

export interface TokenProvider {
  /**
   * The token of a connection the caller has just read (undefined: none), without any I/O:
   * throws `not_authorized` / `needs_reauthorization`; `needsRefresh` tells whether
   * `getAccessToken` would refresh first. Lets the invoke pipeline validate its request before
   * the first outbound call.
   */
  current(connection: Connection | undefined, connector: Connector): { token: UsableToken; needsRefresh: boolean };
  /**
   * A valid access token for (org, connector): refreshed first when it expires within the skew,
   * or when `rejectedGeneration` says the upstream refused this generation (RFC 6750 §3.1 401).
   */
  getAccessToken(orgId: string, connector: Connector, options?: { rejectedGeneration?: number }): Promise<UsableToken>;
}

/**
 * Refresh happens exactly once per expiry, however many callers and instances: callers in this
 * process share one promise (single flight); across instances the storage row lock serialises
 * refreshes, and the state is re-checked after the lock so a waiter reuses the winner's tokens.
 * This matters with rotating refresh tokens (RFC 9700 §4.14.2): a second use of the old refresh
 * token would make the provider revoke the whole grant.
 */
export function createTokenProvider(deps: CoreDeps): TokenProvider {
  const { store, cipher, clock } = deps;
  const flight = createSingleFlight<Connection | undefined>();

  const needsRefresh = (connection: Connection, rejectedGeneration: number | undefined): boolean => {
    if (rejectedGeneration !== undefined) return connection.tokenGeneration <= rejectedGeneration;
    if (connection.expiresAt === null) return false;
    return connection.expiresAt.getTime() - deps.refreshSkewSeconds * 1000 <= clock.now().getTime();
  };

  /** A refresh is the platform's doing (actor system), whoever's call needed the token. */
  const refreshEvent = (
    connection: Connection,
    connector: Connector,
    type: 'token.refreshed' | 'token.refresh_failed',
    at: Date,
    data: Record<string, JsonValue> = {},
  ): AuditEvent => newEvent(deps, { orgId: connection.orgId, type, connector: connector.apiName, actor: systemActor, data: { connectionId: connection.id, ...data }, at });

  const refreshLocked = async (locked: LockedConnection, inUse: Connector, rejectedGeneration: number | undefined): Promise<Connection> => {
    const current = locked.current;
    if (current.status !== 'authorized' || !needsRefresh(current, rejectedGeneration)) return current;
    const now = clock.now();
    // The refresh token goes only to the endpoints of the version its user consented to, not
    // to those of the version the org uses now: they agree once an upgrade reconciled the
    // connection, but not if an install raced the callback that stored these tokens.
    const connector = await consentedConnector(store, current);
    if (!connector) {
      return locked.markNeedsReauthorization(
        { code: 'needs_reauthorization', message: 'The connector version this connection was authorized under no longer exists; authorize again.', at: now },
        now,
        refreshEvent(current, inUse, 'token.refresh_failed', now, { error: 'consented_version_missing', status: 'needs_reauthorization' }),
      );
    }
    if (current.refreshTokenEncrypted === null) {
      const expired = current.expiresAt !== null && current.expiresAt.getTime() <= now.getTime();
      if (rejectedGeneration === undefined && !expired) return current; // still usable for a moment
      return locked.markNeedsReauthorization(
        { code: 'needs_reauthorization', message: 'The access token is no longer valid and the service issued no refresh token.', at: now },
        now,
        refreshEvent(current, connector, 'token.refresh_failed', now, { error: 'no_refresh_token', status: 'needs_reauthorization' }),
      );
    }
    const secrets = await loadClientSecrets(store, cipher, connector);
    const refreshToken = cipher.decrypt(current.refreshTokenEncrypted, connectionSecretContext(current.orgId, connector.id, 'refresh_token'));
    let outcome;
    try {
      outcome = await refreshAccessToken({ connector, secrets, refreshToken, transport: deps.oauth });
    } catch (error) {
      const code = isSwitchboardError(error) ? error.code : 'upstream_unreachable';
      const failedAt = clock.now();
      await locked.recordError(
        { code, message: 'Token refresh failed: the service could not be reached.', at: failedAt },
        failedAt,
        refreshEvent(current, connector, 'token.refresh_failed', failedAt, { error: code }),
      );
      throw error;
    }
    const doneAt = clock.now();
    if (outcome.ok) {
      deps.logger.info({ org: current.orgId, connector: connector.apiName }, 'token refreshed');
      return locked.saveRefreshed(
        encryptTokens({
          cipher,
          orgId: current.orgId,
          connector,
          tokens: outcome.tokens,
          now: doneAt,
          previousRefreshTokenEncrypted: current.refreshTokenEncrypted,
          previousScopes: current.scopes,
        }),
        doneAt,
        refreshEvent(current, connector, 'token.refreshed', doneAt),
      );
    }
    const { failure } = outcome;
    deps.logger.warn({ org: current.orgId, connector: connector.apiName, kind: failure.kind }, 'token refresh failed');
    if (failure.kind === 'invalid_grant') {
      // RFC 6749 §5.2: the refresh token is invalid, expired or revoked. Retrying cannot help.
      return locked.markNeedsReauthorization(
        { code: 'needs_reauthorization', message: 'The service rejected the refresh token (invalid_grant); authorize again.', at: doneAt },
        doneAt,
        refreshEvent(current, connector, 'token.refresh_failed', doneAt, { error: 'invalid_grant', status: 'needs_reauthorization' }),
      );
    }
    if (failure.kind === 'transient') {
      await locked.recordError(
        { code: 'upstream_unavailable', message: `Token refresh failed with HTTP ${failure.status}; will retry on next use.`, at: doneAt },
        doneAt,
        refreshEvent(current, connector, 'token.refresh_failed', doneAt, { error: 'upstream_unavailable', upstreamStatus: failure.status }),
      );
      throw new SwitchboardError('upstream_unavailable', 'The service could not refresh the token right now; try again later.', {
        // Not `status`: problem details (RFC 9457 §3.1) reserve it for the HTTP status.
        details: { upstreamStatus: failure.status },
      });
    }
    await locked.recordError(
      { code: 'token_exchange_failed', message: `Token refresh was refused (${failure.error ?? `HTTP ${failure.status}`}).`, at: doneAt },
      doneAt,
      refreshEvent(current, connector, 'token.refresh_failed', doneAt, { error: 'token_exchange_failed', upstreamStatus: failure.status }),
    );
    throw new SwitchboardError('token_exchange_failed', 'The service refused to refresh the token.', {
      details: { reason: failure.kind, ...(failure.error ? { error: failure.error } : {}) },
    });
  };

  /**
   * One locked refresh pass. A failure is carried out of the lock as a value and thrown only
   * after the lock is released: on PostgreSQL the lock is a transaction that rolls back when its
   * callback throws, which would silently undo the `lastError` recorded for a failed refresh.
   */
  const refreshOnce = async (id: string, connector: Connector, rejectedGeneration: number | undefined): Promise<Connection | undefined> => {
    const outcome = await store.withConnectionLock(id, async (locked): Promise<{ connection: Connection } | { error: unknown }> => {
      try {
        return { connection: await refreshLocked(locked, connector, rejectedGeneration) };
      } catch (error) {
        return { error };
      }
    });
    if (outcome === undefined) return undefined;
    if ('error' in outcome) throw outcome.error;
    return outcome.connection;
  };

  const usable = (connection: Connection | undefined, connector: Connector): UsableToken => {
    if (!connection || connection.status === 'not_authorized' || connection.accessTokenEncrypted === null) {
      throw new SwitchboardError('not_authorized', `Connector '${connector.apiName}' is not authorized in this org.`, { details: { connector: connector.apiName } });
    }
    if (connection.status === 'needs_reauthorization') {
      throw new SwitchboardError('needs_reauthorization', `Connector '${connector.apiName}' must be authorized again.`, {
        details: { connector: connector.apiName, reason: connection.lastError?.message ?? null },
      });
    }
    const accessToken = cipher.decrypt(connection.accessTokenEncrypted, connectionSecretContext(connection.orgId, connector.id, 'access_token'));
    const { fieldsEncrypted } = connection;
    // Decrypted on first read only: most APIs have no `${connection.*}` placeholder, and an
    // AES-GCM decrypt plus JSON.parse per invoke is a measurable share of its cost.
    let fields: Readonly<Record<string, JsonValue>> | undefined;
    return {
      accessToken,
      get fields() {
        fields ??= fieldsEncrypted === null ? {} : (JSON.parse(cipher.decrypt(fieldsEncrypted, connectionSecretContext(connection.orgId, connector.id, 'fields'))) as Record<string, JsonValue>);
        return fields;
      },
      generation: connection.tokenGeneration,
    };
  };

  return {
    current(connection, connector) {
      const token = usable(connection, connector);
      return { token, needsRefresh: connection !== undefined && needsRefresh(connection, undefined) };
    },
    async getAccessToken(orgId, connector, options = {}) {
      const { rejectedGeneration } = options;
      let connection = await store.connections.get(orgId, connector.id);
      if (connection && connection.status === 'authorized' && needsRefresh(connection, rejectedGeneration)) {
        const id = connection.id;
        connection = await flight(id, () => refreshOnce(id, connector, rejectedGeneration));
        // A forced refresh that joined a flight started for expiry may still hold the refused
        // generation; one more (single-flighted) pass settles it.
        if (connection && rejectedGeneration !== undefined && connection.status === 'authorized' && needsRefresh(connection, rejectedGeneration)) {
          connection = await flight(id, () => refreshOnce(id, connector, rejectedGeneration));
        }
      }
      return usable(connection, connector);
    },
  };
}
