/**
 * Scopes of the Acme CRM API resource server. They are resource scopes (RFC 8707 via
 * oidc-provider's resourceIndicators), not provider-wide scopes: an access token carries only
 * the scopes of the one resource it is issued for.
 */
export const API_SCOPES = Object.freeze({
  'contacts:read': 'Read your contacts',
  'contacts:write': 'Create contacts',
  'files:write': 'Upload files',
} as const);

/** One Acme CRM API scope. */
export type ApiScope = keyof typeof API_SCOPES;

/** What the OpenID Connect scopes mean to the user on the consent page. */
export const OIDC_SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  openid: 'Know who you are',
  offline_access: 'Keep access while you are away',
  profile: 'See your name',
  email: 'See your email address',
});

/** The consent-page wording for any scope, falling back to the scope itself. */
export function describeScope(scope: string): string {
  const descriptions: Readonly<Record<string, string>> = API_SCOPES;
  return descriptions[scope] ?? OIDC_SCOPE_DESCRIPTIONS[scope] ?? scope;
}
