/** Who is calling the API, as established from a valid access token. */
export interface ApiPrincipal {
  /** The user (oidc-provider account id). */
  sub: string;
  clientId: string;
  scopes: ReadonlySet<string>;
}

/** Hono context variables of the API: set by the bearer middleware, read by the routes. */
export interface ApiEnv {
  Variables: { principal: ApiPrincipal };
}
