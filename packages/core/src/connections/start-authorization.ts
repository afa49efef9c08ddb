import * as oauth from 'oauth4webapi';
import { loadClientSecrets } from '../connectors/load-client-secrets.js';
import { requireConnector } from '../connectors/require-connector.js';
import type { CoreDeps } from '../core-deps.js';
import { buildAuthorizationUrl } from '../oauth/build-authorization-url.js';
import { requireOrg } from '../orgs/require-org.js';
import { randomToken, sha256Base64Url } from '../security/random-token.js';
import { codeVerifierContext } from './secret-contexts.js';

/**
 * Begin the authorization code flow (RFC 6749 §4.1.1) for one org and connector: a fresh
 * 256-bit single-use `state` bound server-side to (org, connector), and a fresh PKCE verifier
 * (RFC 7636 §4.1) unless the connector opted out.
 */
export async function startAuthorization(
  deps: CoreDeps,
  input: { orgId: string; connectorApiName: string; returnTo?: string | undefined },
): Promise<{ authorizationUrl: string; expiresAt: Date }> {
  const { store, cipher, clock } = deps;
  await requireOrg(store, input.orgId);
  const connector = await requireConnector(store, input.connectorApiName);
  const { clientId } = await loadClientSecrets(store, cipher, connector);

  const now = clock.now();
  const state = randomToken(32);
  const stateHash = sha256Base64Url(state);
  const codeVerifier = connector.pkce ? oauth.generateRandomCodeVerifier() : null;
  const codeChallenge = codeVerifier === null ? null : await oauth.calculatePKCECodeChallenge(codeVerifier);
  const expiresAt = new Date(now.getTime() + deps.authorizationRequestTtlSeconds * 1000);

  await store.authorizationRequests.deleteExpired(now);
  await store.authorizationRequests.insert({
    stateHash,
    orgId: input.orgId,
    connectorId: connector.id,
    codeVerifierEncrypted: codeVerifier === null ? null : cipher.encrypt(codeVerifier, codeVerifierContext(stateHash)),
    redirectUri: deps.redirectUrl,
    returnTo: input.returnTo ?? null,
    expiresAt,
    createdAt: now,
  });
  const url = buildAuthorizationUrl({ connector, clientId, redirectUri: deps.redirectUrl, state, codeChallenge });
  return { authorizationUrl: url.toString(), expiresAt };
}
