import { randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import type { CoreDeps } from '../core-deps.js';
import { oauthClientFor } from '../oauth/oauth-client.js';
import { exchangeAuthorizationCode } from '../oauth/token-requests.js';
import { sha256Base64Url } from '../security/random-token.js';
import { SwitchboardError, isSwitchboardError } from '../switchboard-error.js';
import { encryptTokens } from './encrypt-tokens.js';
import { codeVerifierContext } from './secret-contexts.js';
import { reconcileConsent } from '../installations/reconcile-consent.js';
import { connectorNotInstalled } from './require-org-connector.js';
import { revokeUnsavedTokens } from './revoke-unsaved-tokens.js';
import { systemActor, type Actor } from '../access/actor.js';
import { newEvent } from '../events/new-event.js';

export interface CompletedAuthorization {
  readonly orgId: string;
  readonly connector: string;
  readonly returnTo: string | null;
  /** Where the callback page may post its result (`window.opener`), as recorded at the start. */
  readonly openerOrigin: string;
}

/**
 * Handle the redirect back from the authorization server (RFC 6749 §4.1.2): consume the
 * single-use state, check `iss` (RFC 9207 §2.4), exchange the code with the stored PKCE verifier
 * and the identical redirect_uri, and store the tokens. Nothing is stored on any failure.
 * Errors carry `org` / `connector` details once the state is known, for the callback page.
 */
export async function completeAuthorization(deps: CoreDeps, query: Readonly<Record<string, string>>): Promise<CompletedAuthorization> {
  const known: KnownRequest = {};
  try {
    return await runCallback(deps, query, known);
  } catch (error) {
    if (known.context && known.actor) await recordFailure(deps, known.context, known.actor, error);
    if (known.openerOrigin !== undefined && isSwitchboardError(error)) throw new AuthorizationCallbackError(error, known.openerOrigin);
    throw error;
  }
}

/**
 * A callback failure whose state was known: the same code, message and details, plus where the
 * callback page may post it. The opener origin is a field, not one of the `details`: details
 * become members of the problem response, and which origin started a flow is for the page's
 * `postMessage` only.
 */
export class AuthorizationCallbackError extends SwitchboardError {
  readonly openerOrigin: string;

  constructor(failure: SwitchboardError, openerOrigin: string) {
    super(failure.code, failure.message, { details: failure.details, cause: failure.cause });
    this.openerOrigin = openerOrigin;
  }
}

/** Where the callback page may post a failure of `completeAuthorization`; undefined when the state was unknown. */
export function openerOriginOfFailure(error: unknown): string | undefined {
  return error instanceof AuthorizationCallbackError ? error.openerOrigin : undefined;
}

/**
 * Filled in once the state is known valid: only then does a failure belong to an org. The
 * callback is not authenticated (the single-use state is its credential), so its events name
 * `actor`, who started the flow, as recorded in the pending request.
 */
interface KnownRequest {
  context?: { org: string; connector: string };
  actor?: Actor;
  /** Where the flow's opener lives (the starting session's origin, or Switchboard's own). */
  openerOrigin?: string;
}

/** `authorization.failed` with the error code only: provider messages may echo anything. */
async function recordFailure(deps: CoreDeps, context: { org: string; connector: string }, actor: Actor, error: unknown): Promise<void> {
  const code = isSwitchboardError(error) ? error.code : 'internal_error';
  try {
    await deps.store.events.append(newEvent(deps, { orgId: context.org, type: 'authorization.failed', connector: context.connector, actor, data: { error: code } }));
  } catch (appendError) {
    // The caller's error matters more than its audit record.
    deps.logger.error({ ...context, errorType: appendError instanceof Error ? appendError.name : 'unknown' }, 'recording authorization.failed failed');
  }
}

async function runCallback(deps: CoreDeps, query: Readonly<Record<string, string>>, known: KnownRequest): Promise<CompletedAuthorization> {
  const { store, cipher, clock } = deps;
  const now = clock.now();
  const state = query['state'];
  if (!state) throw new SwitchboardError('invalid_state', 'The callback carried no state.');
  const request = await store.authorizationRequests.consume(sha256Base64Url(state));
  if (!request) throw new SwitchboardError('invalid_state', 'Unknown or already used authorization state.');

  // The version the flow started with (the draft for null): the user consents to its endpoints
  // and scopes, so its token endpoint gets the code, whatever was installed since.
  const connector =
    request.connectorVersion === null
      ? await store.connectors.get(request.connectorId)
      : (await store.connectorVersions.get(request.connectorId, request.connectorVersion))?.connector;
  if (!connector) throw new SwitchboardError('invalid_state', 'The connector of this authorization no longer exists.');
  const context = { org: request.orgId, connector: connector.apiName };
  known.context = context;
  known.actor = request.actor;
  known.openerOrigin = request.openerOrigin;
  // Checked once the org and connector are known, so an expired flow is recorded as failed.
  if (request.expiresAt.getTime() <= now.getTime()) throw new SwitchboardError('invalid_state', 'The authorization request expired; start again.');
  // Uninstalled since the flow started: no tokens for a connector the org may not use.
  const inUse = await store.orgConnectors.resolve(request.orgId, connector.apiName);
  if (!inUse) throw connectorNotInstalled(request.orgId, connector.apiName);
  const secrets = await loadClientSecrets(store, cipher, connector);
  const { as, client } = oauthClientFor(connector, secrets.clientId, secrets.clientSecret);

  const params = new URLSearchParams(query);
  // Without a configured issuer there is nothing to compare `iss` against (RFC 9207 §2.4).
  if (connector.issuer === null) params.delete('iss');
  let callbackParams: URLSearchParams;
  try {
    callbackParams = oauth.validateAuthResponse(as, client, params, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new SwitchboardError('authorization_denied', authorizationErrorMessage(error.error), {
        details: { ...context, error: error.error },
        cause: error,
      });
    }
    throw new SwitchboardError('issuer_mismatch', 'The authorization response came from an unexpected issuer.', { details: context, cause: error });
  }
  if (!callbackParams.get('code')) throw new SwitchboardError('authorization_denied', 'The authorization response carried no code.', { details: context });

  const codeVerifier = request.codeVerifierEncrypted === null ? null : cipher.decrypt(request.codeVerifierEncrypted, codeVerifierContext(request.stateHash));
  const outcome = await exchangeAuthorizationCode({
    connector,
    secrets,
    callbackParams,
    redirectUri: request.redirectUri,
    codeVerifier,
    transport: deps.oauth,
  });
  if (!outcome.ok) {
    const { failure } = outcome;
    deps.logger.warn({ ...context, kind: failure.kind, error: 'error' in failure ? failure.error : null }, 'token exchange failed');
    throw new SwitchboardError('token_exchange_failed', 'The service did not return a usable access token.', {
      details: { ...context, reason: failure.kind, ...(failure.error ? { error: failure.error } : {}) },
    });
  }

  const finishedAt = clock.now();
  // The event commits with the tokens it records (one transaction).
  const saving = store.transaction(async (tx) => {
    // Serialized with install/upgrade/uninstall of the org, so the re-check below sees the
    // installed version as it is when this consent commits, on every instance.
    await tx.orgs.lock(request.orgId);
    const saved = await tx.connections.saveAuthorized({
      idIfNew: randomUUID(),
      orgId: request.orgId,
      connectorId: connector.id,
      tokens: encryptTokens({ cipher, orgId: request.orgId, connector, tokens: outcome.tokens, now: finishedAt }),
      consentedVersion: request.connectorVersion,
      now: finishedAt,
    });
    await tx.events.append(
      newEvent(deps, { orgId: request.orgId, type: 'authorization.succeeded', connector: connector.apiName, actor: request.actor, at: finishedAt, data: { connectionId: saved.id } }),
    );
    // An upgrade landed while the user was at the provider: check the new version against what
    // was just consented to, as the upgrade would have. Read again here, in the transaction: an
    // install, upgrade or uninstall that committed during the token exchange counts too.
    const inUseNow = await tx.orgConnectors.resolve(request.orgId, connector.apiName);
    if (!inUseNow) throw connectorNotInstalled(request.orgId, connector.apiName);
    if (inUseNow.version !== null && inUseNow.version !== request.connectorVersion) {
      // Re-checking consent after an upgrade is the platform's doing, not the caller's.
      await reconcileConsent(deps, tx, { connection: saved, connectorApiName: connector.apiName, version: inUseNow.version, actor: systemActor, now: finishedAt });
    }
  });
  try {
    await saving;
  } catch (error) {
    // Uninstalled during the exchange: the tokens were issued but are stored nowhere, and the org
    // may no longer use the connector (the uninstall revoked any older connection). End them at
    // the provider, outside the transaction, then fail as before. Not on other failures: some
    // providers end every grant of the user and client on one revocation, which would also end a
    // still-stored, working connection.
    if (isSwitchboardError(error) && error.code === 'connector_not_installed') {
      await revokeUnsavedTokens(deps, { connector, secrets, tokens: outcome.tokens, context });
    }
    throw error;
  }
  deps.logger.info(context, 'connection authorized');
  return { orgId: request.orgId, connector: connector.apiName, returnTo: request.returnTo, openerOrigin: request.openerOrigin };
}

function authorizationErrorMessage(error: string): string {
  return error === 'access_denied' ? 'Access was denied at the service.' : 'The service refused the authorization request.';
}
