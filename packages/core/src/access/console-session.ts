/**
 * A signed-in web console (`sb_console=<id>.<secret>` cookie, HttpOnly). Only the SHA-256 of the
 * 256-bit secret is stored. An org session acts as the org key it was opened with and ends when
 * that key is revoked (the row goes with it); an admin session ends when the server's admin key
 * changes (see `adminFingerprint`).
 */
export type ConsoleSession = ConsoleSessionBase &
  (
    | {
        readonly kind: 'admin';
        /**
         * HMAC-SHA256 of the admin key, keyed by the session's secret (base64url). Recomputed with
         * the presented secret and the current admin key on every request: a changed admin key no
         * longer matches. Keyed by the secret, so the database alone cannot test admin key guesses.
         */
        readonly adminFingerprint: string;
      }
    | {
        readonly kind: 'org';
        readonly orgId: string;
        /** The org key the session was opened with; revoking the key deletes the session. */
        readonly keyId: string;
      }
  );

interface ConsoleSessionBase {
  /** 16 lowercase hex characters; the cookie's first half. */
  readonly id: string;
  /** base64url SHA-256 of the secret (the cookie's second half). */
  readonly secretHash: string;
  readonly expiresAt: Date;
  readonly createdAt: Date;
}
