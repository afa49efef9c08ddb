import type { TokenPlacement } from '@switchboard/contracts';

/** A connector as stored: the OAuth client configuration for one third-party service. */
export interface Connector {
  readonly id: string;
  readonly apiName: string;
  readonly name: string;
  readonly description: string | null;
  readonly serviceName: string;
  readonly signupUrl: string | null;
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly refreshUrl: string | null;
  readonly revokeUrl: string | null;
  readonly revokeUsing: 'access_token' | 'refresh_token' | null;
  readonly scopes: readonly string[];
  readonly scopeSeparator: string;
  readonly pkce: boolean;
  readonly clientAuthMethod: 'client_secret_post' | 'client_secret_basic';
  readonly authorizationParams: Readonly<Record<string, string>>;
  readonly tokenParams: Readonly<Record<string, string>>;
  readonly tokenPlacement: TokenPlacement;
  readonly issuer: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Client credentials registered at the service. The secret is stored encrypted only. */
export interface ConnectorCredentials {
  readonly connectorId: string;
  readonly clientId: string;
  /** Ciphertext produced by the Cipher port. */
  readonly clientSecretEncrypted: string;
  readonly updatedAt: Date;
}
