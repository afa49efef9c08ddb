import type { Connector } from '../connectors/connector.js';
import type { CoreDeps } from '../core-deps.js';
import type { TokenSet } from '../oauth/token-response.js';
import { revokeToken, type ClientSecrets } from '../oauth/token-requests.js';
import { isSwitchboardError } from '../switchboard-error.js';

/**
 * Revoke, at the provider (RFC 7009 §2.1), tokens that were issued but could not be stored (the
 * callback's save failed, e.g. the connector was uninstalled during the code exchange): otherwise
 * they stay a live grant that nobody holds and nobody can end. Same endpoint and token choice as
 * revoking a stored connection: the revocation endpoint of the version the user consented to, and
 * the refresh token when `revokeUsing` says so (which also ends the grant's access tokens, §2.1).
 *
 * Best effort: the caller's error is what the user must see, so nothing here throws. Must run
 * outside any database transaction (it waits on the network). Logs never carry the token.
 */
export async function revokeUnsavedTokens(
  deps: CoreDeps,
  input: { connector: Connector; secrets: ClientSecrets; tokens: TokenSet; context: { org: string; connector: string } },
): Promise<void> {
  const { connector, secrets, tokens, context } = input;
  const { revokeUrl, revokeUsing } = connector;
  if (revokeUrl === null || revokeUsing === null) {
    deps.logger.warn(context, 'issued tokens could not be stored and the connector has no revocation endpoint; they stay valid at the provider until they expire');
    return;
  }
  const useRefresh = revokeUsing === 'refresh_token' && tokens.refreshToken !== null;
  const tokenTypeHint = useRefresh ? 'refresh_token' : 'access_token';
  const token = useRefresh ? tokens.refreshToken! : tokens.accessToken;
  try {
    const outcome = await revokeToken({ connector: { ...connector, revokeUrl }, secrets, token, tokenTypeHint, transport: deps.oauth });
    if (outcome.ok) {
      deps.logger.info({ ...context, tokenTypeHint }, 'revoked issued tokens that could not be stored');
    } else {
      deps.logger.warn({ ...context, tokenTypeHint, status: outcome.status, error: outcome.error }, 'revoking issued tokens that could not be stored failed');
    }
  } catch (error) {
    const code = isSwitchboardError(error) ? error.code : 'upstream_unreachable';
    deps.logger.warn({ ...context, tokenTypeHint, error: code }, 'revoking issued tokens that could not be stored failed');
  }
}
