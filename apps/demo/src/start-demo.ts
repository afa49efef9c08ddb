import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';

import { createApiApp } from './api-app.js';
import { API_SCOPES } from './api-scopes.js';
import { createContactStore } from './contact-store.js';
import { CLOCK_TOLERANCE_SECONDS, createProvider } from './create-provider.js';
import type { DemoOptions } from './demo-options.js';
import type { DemoService } from './demo-service.js';
import { createDemoStats } from './demo-stats.js';
import { DEMO_USERS } from './demo-users.js';
import { createInteractionRoutes } from './interaction-routes.js';
import { introspectToken } from './introspect-token.js';
import { createMemoryStorage } from './memory-adapter.js';
import { countProviderRequests } from './provider-request-counter.js';
import { generateSigningKeys } from './signing-keys.js';
import { createUploadStore } from './upload-store.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Starts Acme CRM: an oidc-provider authorization server, its login/consent pages and the REST
 * API, all on one origin served by one Node http server.
 *
 * Clients request `service.scopes` with `service.authorizationParams` (prompt=consent, needed
 * for offline_access and so for a refresh token; resource=apiBaseUrl, optional because the API
 * is the default resource), PKCE S256, and authenticate with client_secret_basic or _post.
 */
export async function startDemo(options: DemoOptions): Promise<DemoService> {
  const host = options.host ?? '127.0.0.1';
  let handle: NodeHandler = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  // Listen first: the issuer must contain the real port, which port 0 only reveals after bind.
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= closeServer(server));

  try {
    const { port } = server.address() as AddressInfo;
    const issuer = `http://${urlHost(host)}:${port}`;
    const apiBaseUrl = `${issuer}/api`;
    const stats = createDemoStats();
    const storage = createMemoryStorage(CLOCK_TOLERANCE_SECONDS);
    const uploads = createUploadStore();
    const provider = createProvider({
      issuer,
      apiResource: apiBaseUrl,
      clients: options.clients,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600,
      adapter: storage.adapterFactory,
      jwks: await generateSigningKeys(),
      cookieKeys: [randomBytes(32).toString('base64url')],
    });
    countProviderRequests(provider, stats);
    provider.on('server_error', (_ctx, error) => {
      // oidc-provider answers 500 without logging; make the cause visible to whoever runs the demo.
      console.error('acme-crm demo: authorization server error', error);
    });

    const web = new Hono<{ Bindings: HttpBindings }>();
    web.route('/', createInteractionRoutes(provider));
    web.route('/api', createApiApp({
      provider,
      audience: apiBaseUrl,
      contacts: createContactStore(),
      uploads,
      onRequest: () => stats.countApiRequest(),
    }));
    const webListener = getRequestListener(web.fetch);
    const providerListener = provider.callback();
    handle = (req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/interaction/')) {
        void webListener(req, res);
      } else {
        void providerListener(req, res);
      }
    };

    return {
      issuer,
      authorizationUrl: provider.urlFor('authorization'),
      tokenUrl: provider.urlFor('token'),
      revocationUrl: provider.urlFor('revocation'),
      introspectionUrl: provider.urlFor('introspection'),
      apiBaseUrl,
      scopes: ['openid', 'offline_access', ...Object.keys(API_SCOPES)],
      authorizationParams: { prompt: 'consent', resource: apiBaseUrl },
      users: DEMO_USERS.map(({ username, password }) => ({ username, password })),
      stats: () => stats.snapshot(),
      resetStats: () => stats.reset(),
      invalidateIssuedAccessTokens: () => {
        storage.destroyAll('AccessToken');
      },
      introspect: (token, client) => introspectToken(provider.urlFor('introspection'), token, client),
      uploadedFiles: () => uploads.list(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A host usable in a URL: wildcard binds are reached via loopback, IPv6 literals get brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
    server.closeAllConnections();
  });
}
