/**
 * Who made a request, as recorded in audit events and passed to use-cases that check access.
 * Only ids: never the key or session secret.
 */
export type Actor =
  | { readonly kind: 'admin' }
  | { readonly kind: 'org_key'; readonly keyId: string }
  | { readonly kind: 'session'; readonly keyId: string; readonly sessionId: string }
  /** The platform itself (token refresh, retention, upgrades run for an org). */
  | { readonly kind: 'system' }
  /** A solution's function calling `invokeConnector` while it runs for an org. */
  | { readonly kind: 'function'; readonly solution: string; readonly function: string };

export const adminActor: Actor = Object.freeze({ kind: 'admin' });
export const systemActor: Actor = Object.freeze({ kind: 'system' });
