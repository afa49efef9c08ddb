import { errors, Provider, type AdapterFactory, type Configuration, type JWKS } from 'oidc-provider';

import { API_SCOPES } from './api-scopes.js';
import type { DemoClient } from './demo-options.js';
import { findUser } from './demo-users.js';
import { renderErrorPage } from './error-page.js';

/** Everything the authorization server is built from; resolved by startDemo. */
export interface ProviderSettings {
  issuer: string;
  /** Resource indicator (RFC 8707) of the REST API. */
  apiResource: string;
  clients: readonly DemoClient[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  adapter: AdapterFactory;
  jwks: JWKS;
  /** Keys that sign the provider's cookies. */
  cookieKeys: string[];
}

/** oidc-provider's default clock tolerance, restated because the adapter needs it too. */
export const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * Builds the Acme CRM authorization server. It is the test server for a real OAuth client, so
 * it is configured strictly: PKCE S256 on every request, rotated refresh tokens with reuse
 * detection, confidential clients only, exact redirect URIs, API scopes only via a resource.
 */
export function createProvider(settings: ProviderSettings): Provider {
  const { apiResource } = settings;
  const configuration: Configuration = {
    adapter: settings.adapter,
    jwks: settings.jwks,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    clients: settings.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: client.clientId,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // Either method works for a secret-based client: oidc-provider accepts basic and post
      // interchangeably for clients registered with one of them.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // A client must always name its redirect_uri, as most real providers demand.
    allowOmittingSingleRegisteredRedirectUri: false,
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    cookies: { keys: settings.cookieKeys },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    // Refresh tokens need the offline_access scope, which oidc-provider keeps only when the
    // request also says prompt=consent (OIDC Core §11) — what a real OIDC provider does.
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    async findAccount(_ctx, sub) {
      const user = findUser(sub);
      if (user === undefined) return undefined;
      return {
        accountId: user.username,
        claims: async () => ({ sub: user.username, name: user.name, email: user.email }),
      };
    },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // The API accepts bearer tokens only; DPoP-bound tokens would be refused there.
      dPoP: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      revocation: {
        enabled: true,
        // Only the client a token was issued to may revoke it.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        // Only the client a token was issued to learns about it; others see active=false.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        // The API is the only resource, so a client that sends no `resource` still gets a
        // token the API accepts, at the authorization and token endpoints alike.
        defaultResource: async () => apiResource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== apiResource) throw new errors.InvalidTarget(`unknown resource ${resourceIndicator}`);
          return {
            scope: Object.keys(API_SCOPES).join(' '),
            audience: apiResource,
            accessTokenTTL: settings.accessTokenTtlSeconds,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: settings.refreshTokenTtlSeconds,
      Interaction: 600,
      Session: 24 * 3600,
      // The grant must outlive every refresh token it issues (rotation restarts their lifetime).
      Grant: 365 * 24 * 3600,
    },
    // Keep tokens valid after the browser session ends: the client holds them, not the browser.
    expiresWithSession: async () => false,
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error, out.error_description);
    },
  };
  return new Provider(settings.issuer, configuration);
}
