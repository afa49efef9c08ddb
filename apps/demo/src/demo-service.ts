/** Counters of what reached the demo since start or the last reset. */
export interface DemoStats {
  /** Requests to the token endpoint by `grant_type`, failed ones included. */
  tokenRequests: { authorization_code: number; refresh_token: number; other: number };
  /** Requests to the revocation endpoint, failed ones included. */
  revocations: number;
  /** Requests under /api, rejected ones included. */
  apiRequests: number;
}

/** A file received by `POST /api/files`, as the demo saw it. */
export interface UploadedFileRecord {
  id: string;
  filename: string;
  contentType: string;
  /** Hex SHA-256 of the bytes received. */
  sha256: string;
  size: number;
  /** Name of the multipart field that carried the file. */
  fieldName: string;
  /** The other (text) fields of the same multipart body. */
  otherFields: Record<string, string>;
}

/** An RFC 7662 introspection response. */
export interface IntrospectionResult {
  active: boolean;
  [claim: string]: unknown;
}

/** A running Acme CRM demo: authorization server and REST API on one origin. */
export interface DemoService {
  /** Issuer identifier, e.g. http://127.0.0.1:PORT (returned as `iss` in authorization responses, RFC 9207). */
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl: string;
  introspectionUrl: string;
  /** Base of the REST API, e.g. http://127.0.0.1:PORT/api; also the API's resource indicator (RFC 8707). */
  apiBaseUrl: string;
  /** Scopes a client requests to use the whole API and get a refresh token. */
  scopes: string[];
  /**
   * Extra authorization request parameters a client should send: `prompt=consent` (without it
   * oidc-provider drops offline_access, so no refresh token) and `resource=apiBaseUrl` (RFC 8707;
   * optional here because the API is the default resource, but what a strict provider expects).
   */
  authorizationParams: Record<string, string>;
  /** Demo accounts that can sign in. */
  users: Array<{ username: string; password: string }>;
  stats(): DemoStats;
  resetStats(): void;
  /** Makes every access token issued so far answer 401 at the API (to test 401 -> refresh -> retry). */
  invalidateIssuedAccessTokens(): void;
  /** Asks the provider's introspection endpoint (RFC 7662) about a token, authenticating as the given client. */
  introspect(token: string, client: { clientId: string; clientSecret: string }): Promise<IntrospectionResult>;
  /** Uploaded files as received, for tests to compare bytes. */
  uploadedFiles(): UploadedFileRecord[];
  close(): Promise<void>;
}
