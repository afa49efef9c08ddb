import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector } from '../connectors/connector.js';
import { splitUrlTemplate } from '../invoke/split-url-template.js';

/** A connector configuration with its APIs: a published version, or the `dev` org's draft. */
export interface ConnectorSnapshot {
  readonly connector: Connector;
  readonly apis: readonly ApiDefinition[];
}

/** What moving a live connection from its consented configuration to another one means. */
export type UpgradeImpact =
  /** Same consent: the connection stays authorized and its consented version moves. */
  | { readonly kind: 'compatible' }
  /** The new configuration asks for scopes the user never granted. */
  | { readonly kind: 'scopes_changed'; readonly addedScopes: readonly string[] }
  /** Tokens (or the authorization) would go to an origin the user never consented to. */
  | { readonly kind: 'endpoints_changed'; readonly changed: readonly string[] };

/**
 * Compare the configuration a user consented to with the one an upgrade brings. Two things need a
 * new consent: scopes that were not requested before (RFC 6749 §3.3: the grant covers only the
 * scope it was issued for), and any origin a token would newly be sent to — the authorization,
 * token, refresh and revocation endpoints each compared with their own former origin, and the API
 * URL templates' origins compared with the set of API origins before. When both apply,
 * `endpoints_changed` wins: it is the one about where tokens go.
 */
export function upgradeImpact(consented: ConnectorSnapshot, next: ConnectorSnapshot): UpgradeImpact {
  const before = consented.connector;
  const after = next.connector;
  const changed: string[] = [];
  if (originOf(after.authorizationUrl) !== originOf(before.authorizationUrl)) changed.push('authorizationUrl');
  if (originOf(after.tokenUrl) !== originOf(before.tokenUrl)) changed.push('tokenUrl');
  // Without a refresh URL the token URL refreshes (the same rule the token requests follow).
  if (originOf(after.refreshUrl ?? after.tokenUrl) !== originOf(before.refreshUrl ?? before.tokenUrl)) changed.push('refreshUrl');
  // No revocation endpoint sends no token anywhere; a new or moved one does.
  if (after.revokeUrl !== null && originOf(after.revokeUrl) !== (before.revokeUrl === null ? null : originOf(before.revokeUrl))) changed.push('revokeUrl');
  const consentedApiOrigins = new Set(consented.apis.map((api) => apiOriginOf(api.url)));
  for (const api of next.apis) {
    if (!consentedApiOrigins.has(apiOriginOf(api.url))) changed.push(`apis.${api.apiName}`);
  }
  if (changed.length > 0) return { kind: 'endpoints_changed', changed };

  const grantedBefore = new Set(before.scopes);
  const addedScopes = after.scopes.filter((scope) => !grantedBefore.has(scope));
  if (addedScopes.length > 0) return { kind: 'scopes_changed', addedScopes };
  return { kind: 'compatible' };
}

/** The origin of an absolute URL (RFC 6454 §4); an unparsable value only equals itself. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return `unparsable:${url}`;
  }
}

/**
 * The origin of an API URL template: its literal origin, or the `${connection.<field>}` that
 * supplies it (a different field is a different, unconsented origin).
 */
function apiOriginOf(template: string): string {
  const parts = splitUrlTemplate(template);
  if ('error' in parts) return `invalid:${template}`;
  return parts.origin.kind === 'literal' ? parts.origin.origin : `\${${parts.origin.placeholder}}`;
}
