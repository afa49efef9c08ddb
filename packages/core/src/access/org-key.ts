/**
 * An API key of one org. The key itself (`sbo_<id>.<secret>`) is shown once at creation; only
 * the SHA-256 of the secret part is stored.
 */
export interface OrgKey {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  /** The first characters of the key, shown in lists so people can tell keys apart. */
  readonly prefix: string;
  /** base64url SHA-256 of the secret part. */
  readonly secretHash: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}
