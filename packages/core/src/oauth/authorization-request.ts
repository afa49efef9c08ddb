import type { Actor } from '../access/actor.js';

/**
 * A pending authorization (RFC 6749 §4.1.1): created when a user starts to authorize, consumed
 * exactly once by the callback. Keyed by a hash of `state`, so the stored value is useless to a
 * reader of the database.
 */
export interface AuthorizationRequest {
  readonly stateHash: string;
  readonly orgId: string;
  readonly connectorId: string;
  /** PKCE code verifier (RFC 7636 §4.1), encrypted; null when the connector opts out of PKCE. */
  readonly codeVerifierEncrypted: string | null;
  /** The exact redirect_uri sent, reused in the token request (RFC 6749 §4.1.3). */
  readonly redirectUri: string;
  readonly returnTo: string | null;
  /**
   * The connector version the flow was started against (null: the `dev` org's draft). The
   * callback exchanges the code with that version's token endpoint, whatever was installed since.
   */
  readonly connectorVersion: number | null;
  /**
   * The origin the callback page may post its result to (`window.opener`): the SDK session's
   * calling origin, or the server's own origin for the console. Never `*`.
   */
  readonly openerOrigin: string;
  /**
   * Who started the flow (ids only). The callback carries no credential of its own, so its
   * `authorization.succeeded` / `authorization.failed` events name this caller.
   */
  readonly actor: Actor;
  readonly expiresAt: Date;
  readonly createdAt: Date;
}
