/** The states of an org's connection of a connector. */
export type ConnectionStatus = 'authorized' | 'not_authorized' | 'needs_reauthorization';

/**
 * `GET /v1/orgs/{org}/connections/{connector}`: the connection's state, never a token. Only the
 * members a widget needs are typed; the server may send more.
 */
export interface ConnectionView {
  /** The connector's `apiName`. */
  readonly connector: string;
  /** `authorized`: usable now; `needs_reauthorization`: its tokens stopped working, authorize again. */
  readonly status: ConnectionStatus;
  /** The scopes the provider granted. */
  readonly scopes: readonly string[];
  /** When the connection was last authorized (ISO 8601), or null. */
  readonly authorizedAt: string | null;
  /** When the access token expires (ISO 8601); Switchboard refreshes it on use. Null when unknown. */
  readonly expiresAt: string | null;
  /** The last failure of this connection (e.g. a refused refresh), or null. */
  readonly lastError: { readonly code: string; readonly message: string; readonly at: string } | null;
  readonly [member: string]: unknown;
}

/** `DELETE /v1/orgs/{org}/connections/{connector}`: the tokens are gone; how the provider took the revocation. */
export interface RevokeResult {
  /** Always `not_authorized`: the tokens are deleted whatever the provider said. */
  readonly status: 'not_authorized';
  /** The provider's RFC 7009 answer; `not_configured` when the connector has no revocation URL. */
  readonly providerRevocation: 'succeeded' | 'failed' | 'not_configured';
  /** Why the provider's revocation failed, when it did. */
  readonly detail?: string;
}
