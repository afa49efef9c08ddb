/** A confidential client registered with the demo authorization server at start. */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  /** Exact-match redirect URIs (http on loopback is fine). */
  redirectUris: string[];
}

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port to listen on; default 0 (an ephemeral port, read it back from the service's URLs). */
  port?: number;
  /**
   * Confidential clients. Each may authenticate at the token, revocation and introspection
   * endpoints with client_secret_basic or client_secret_post: oidc-provider treats the two as
   * interchangeable for a client registered with either.
   */
  clients: DemoClient[];
  /** Access token lifetime; default 300 s, short so clients meet expiry and refresh. */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime; default 14 days. Each rotation issues a token with a fresh lifetime. */
  refreshTokenTtlSeconds?: number;
}
