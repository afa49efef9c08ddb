import type { MiddlewareHandler } from 'hono';
import type { Provider } from 'oidc-provider';

import type { ApiEnv } from './api-principal.js';

const REALM = 'acme-crm';

/**
 * RFC 6750 bearer authentication against the provider's own token store. Opaque tokens are
 * looked up with `provider.AccessToken.find`, so a revoked (or invalidated) token fails at once;
 * expiry, the audience (our resource indicator) and sender-constraint are checked here because
 * `find` only returns the stored record.
 */
export function bearerAuth(provider: Provider, audience: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
    if (header === undefined) {
      // RFC 6750 §3.1: a request without credentials gets no error code.
      c.header('WWW-Authenticate', `Bearer realm="${REALM}"`);
      return c.json({ error: 'invalid_token', error_description: 'missing bearer token' }, 401);
    }
    const value = match?.[1];
    const token = value === undefined ? undefined : await provider.AccessToken.find(value).catch(() => undefined);
    const problem = tokenProblem(token, audience);
    if (problem !== undefined || token === undefined) {
      c.header('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="${problem ?? 'invalid'}"`);
      return c.json({ error: 'invalid_token', error_description: problem ?? 'invalid' }, 401);
    }
    c.set('principal', { sub: token.accountId, clientId: token.clientId ?? '', scopes: token.scopes });
    await next();
  };
}

/** Requires one scope on the token; RFC 6750 §3.1 insufficient_scope otherwise. */
export function requireScope(scope: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.get('principal').scopes.has(scope)) {
      c.header('WWW-Authenticate', `Bearer realm="${REALM}", error="insufficient_scope", scope="${scope}"`);
      return c.json({ error: 'insufficient_scope', error_description: `requires scope ${scope}`, scope }, 403);
    }
    await next();
  };
}

type FoundToken = InstanceType<Provider['AccessToken']> | undefined;

function tokenProblem(token: FoundToken, audience: string): string | undefined {
  if (token === undefined) return 'unknown, revoked or malformed token';
  if (token.isExpired) return 'token expired';
  const audiences = Array.isArray(token.aud) ? token.aud : token.aud === undefined ? [] : [token.aud];
  // Tokens minted for the UserInfo endpoint (no resource) must not open the API.
  if (!audiences.includes(audience)) return 'token not issued for this API';
  if (token.jkt !== undefined || token['x5t#S256'] !== undefined) return 'sender-constrained tokens are not accepted';
  if (typeof token.accountId !== 'string') return 'token has no user';
  return undefined;
}
