import type { ConnectionStatus } from '@switchboard/contracts';

export interface ConnectionError {
  readonly code: string;
  readonly message: string;
  readonly at: Date;
}

/**
 * One org's authorization of one connector. Token material is ciphertext from the Cipher port,
 * bound (AAD) to (org, connector, field) so values cannot be swapped between rows or fields.
 */
export interface Connection {
  readonly id: string;
  readonly orgId: string;
  readonly connectorId: string;
  readonly status: ConnectionStatus;
  readonly scopes: readonly string[];
  readonly accessTokenEncrypted: string | null;
  readonly refreshTokenEncrypted: string | null;
  readonly tokenType: string | null;
  readonly expiresAt: Date | null;
  /** Extra token-response fields (e.g. `instance_url`), JSON, encrypted. */
  readonly fieldsEncrypted: string | null;
  readonly authorizedAt: Date | null;
  readonly lastRefreshedAt: Date | null;
  readonly lastError: ConnectionError | null;
  /** Increments on every token change; lets a waiter see that someone else refreshed. */
  readonly tokenGeneration: number;
  /**
   * The connector version the user consented to (null: the `dev` org's draft). Refresh and
   * revocation use that version's endpoints, so tokens only ever go where the user agreed.
   */
  readonly consentedVersion: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The token part of a connection, as written after an exchange or refresh. */
export interface ConnectionTokens {
  readonly accessTokenEncrypted: string;
  readonly refreshTokenEncrypted: string | null;
  readonly tokenType: string | null;
  readonly expiresAt: Date | null;
  readonly fieldsEncrypted: string | null;
  readonly scopes: readonly string[];
}
