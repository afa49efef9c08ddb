/** The states of an org's connection of a connector. */
export type ConnectionStatus = 'authorized' | 'not_authorized' | 'needs_reauthorization';

/**
 * `GET /v1/orgs/{org}/connections/{connector}`: the connection's state, never a token. Only the
 * members a widget needs are typed; the server may send more.
 */
export interface ConnectionView {
  readonly connector: string;
  readonly status: ConnectionStatus;
  readonly scopes: readonly string[];
  readonly authorizedAt: string | null;
  readonly expiresAt: string | null;
  readonly lastError: { readonly code: string; readonly message: string; readonly at: string } | null;
  readonly [member: string]: unknown;
}

/** `DELETE /v1/orgs/{org}/connections/{connector}`: the tokens are gone; how the provider took the revocation. */
export interface RevokeResult {
  readonly status: 'not_authorized';
  readonly providerRevocation: 'succeeded' | 'failed' | 'not_configured';
  readonly detail?: string;
}
