/**
 * A short-lived credential for browser widgets (`sbs_<org>.<id>.<secret>`), minted with an org key.
 * Accepted only on the org's connector routes, from `allowedOrigins`, for `connectors` when set,
 * until `expiresAt`, and only while the key that minted it exists.
 */
export interface SdkSession {
  readonly id: string;
  readonly orgId: string;
  /** The org key that minted it; deleting the key ends the session. */
  readonly keyId: string;
  /** base64url SHA-256 of the secret part. */
  readonly secretHash: string;
  /** Serialized origins (`https://app.example.com`), compared exactly. */
  readonly allowedOrigins: readonly string[];
  /** Connector API names, or null for every connector of the org. */
  readonly connectors: readonly string[] | null;
  readonly expiresAt: Date;
  readonly createdAt: Date;
}
