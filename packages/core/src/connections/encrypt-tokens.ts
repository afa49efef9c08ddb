import type { Connector } from '../connectors/connector.js';
import type { TokenSet } from '../oauth/token-response.js';
import type { Cipher } from '../ports/cipher.js';
import type { ConnectionTokens } from './connection.js';
import { connectionSecretContext } from './secret-contexts.js';

/**
 * Turn a token response into the stored form. `previousRefreshToken` is kept when a refresh
 * response carries none (RFC 6749 §6: the server MAY issue a new refresh token).
 */
export function encryptTokens(input: {
  cipher: Cipher;
  orgId: string;
  connector: Connector;
  tokens: TokenSet;
  now: Date;
  previousRefreshTokenEncrypted?: string | null;
  previousScopes?: readonly string[];
}): ConnectionTokens {
  const { cipher, orgId, connector, tokens, now } = input;
  const ctx = (field: 'access_token' | 'refresh_token' | 'fields') => connectionSecretContext(orgId, connector.id, field);
  return {
    accessTokenEncrypted: cipher.encrypt(tokens.accessToken, ctx('access_token')),
    refreshTokenEncrypted:
      tokens.refreshToken !== null ? cipher.encrypt(tokens.refreshToken, ctx('refresh_token')) : (input.previousRefreshTokenEncrypted ?? null),
    tokenType: tokens.tokenType,
    expiresAt: tokens.expiresIn === null ? null : new Date(now.getTime() + tokens.expiresIn * 1000),
    fieldsEncrypted: Object.keys(tokens.fields).length > 0 ? cipher.encrypt(JSON.stringify(tokens.fields), ctx('fields')) : null,
    // RFC 6749 §5.1: when `scope` is omitted the granted scope equals the requested one.
    scopes: tokens.scopes ?? input.previousScopes ?? connector.scopes,
  };
}
