import * as oauth from 'oauth4webapi';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import type { CoreDeps } from '../core-deps.js';
import { buildAuthorizationUrl } from '../oauth/build-authorization-url.js';
import { randomToken, sha256Base64Url } from '../security/random-token.js';
import { requireOrgConnector } from './require-org-connector.js';
import { codeVerifierContext } from './secret-contexts.js';
import type { Actor } from '../access/actor.js';
import { newEvent } from '../events/new-event.js';

/**
 * Begin the authorization code flow (RFC 6749 §4.1.1) for one org and connector: a fresh
 * 256-bit single-use `state` bound server-side to (org, connector), and a fresh PKCE verifier
 * (RFC 7636 §4.1) unless the connector opted out. The connector is the one the org may use (the
 * draft in `dev`, the installed version elsewhere); the pending request records that version, so
 * the callback exchanges the code with the endpoints the user is about to consent to.
 */
export async function startAuthorization(
  deps: CoreDeps,
  input: { orgId: string; connectorApiName: string; returnTo?: string | undefined; openerOrigin: string; actor: Actor },
): Promise<{ authorizationUrl: string; expiresAt: Date }> {
  const { store, cipher, clock } = deps;
  const { connector, version } = await requireOrgConnector(store, input.orgId, input.connectorApiName);
  const { clientId } = await loadClientSecrets(store, cipher, connector);

  const now = clock.now();
  const state = randomToken(32);
  const stateHash = sha256Base64Url(state);
  const codeVerifier = connector.pkce ? oauth.generateRandomCodeVerifier() : null;
  const codeChallenge = codeVerifier === null ? null : await oauth.calculatePKCECodeChallenge(codeVerifier);
  const expiresAt = new Date(now.getTime() + deps.authorizationRequestTtlSeconds * 1000);

  await store.authorizationRequests.deleteExpired(now);
  // The event commits with the pending request it records (one transaction).
  await store.transaction(async (tx) => {
    await tx.authorizationRequests.insert({
      stateHash,
      orgId: input.orgId,
      connectorId: connector.id,
      codeVerifierEncrypted: codeVerifier === null ? null : cipher.encrypt(codeVerifier, codeVerifierContext(stateHash)),
      redirectUri: deps.redirectUrl,
      returnTo: input.returnTo ?? null,
      connectorVersion: version,
      openerOrigin: input.openerOrigin,
      // The callback has no credential of its own: its events name this caller.
      actor: input.actor,
      expiresAt,
      createdAt: now,
    });
    await tx.events.append(newEvent(deps, { orgId: input.orgId, type: 'authorization.started', connector: connector.apiName, actor: input.actor, at: now }));
  });
  const url = buildAuthorizationUrl({ connector, clientId, redirectUri: deps.redirectUrl, state, codeChallenge });
  return { authorizationUrl: url.toString(), expiresAt };
}
