import type { ApiService, ConnectionService, ConnectorService, InvokeService, Logger, OrgService } from '@switchboard/core';
import type { EventService } from '@switchboard/core';
import type { InstallationService } from '@switchboard/core';
import type { PublishingService, ReleaseService, SolutionService } from '@switchboard/core';
import { systemClock, type Clock, type ConsoleSessionService, type CredentialVerifier, type OrgKeyService, type SessionService } from '@switchboard/core';
import type { FunctionExecutionService, FunctionService } from '@switchboard/core';
import type { ActionService, WebhookService } from '@switchboard/core';
import { isSwitchboardError } from '@switchboard/core';
import { Hono } from 'hono';
import { createAuthFailureLimiter } from './auth-rate-limit.js';
import { createAdminKeyMatcher } from './admin-key-match.js';
import { createAuthGate } from './auth-gate.js';
import { createRouteGuard, provideRouteGuard } from './authenticate.js';
import { compileTrustedProxies } from './client-address.js';
import { consoleCookieRemovals, createConsoleCookies } from './console-cookie.js';
import { consoleStatic } from './console-static.js';
import { sdkStatic } from './sdk-static.js';
import { widgetStatic } from './widget-static.js';
import { consoleSessionRoutes } from './routes/console-session-routes.js';
import { sessionCors } from './cors.js';
import { problemResponse } from './problem-response.js';
import { apiRoutes } from './routes/api-routes.js';
import { connectionRoutes } from './routes/connection-routes.js';
import { connectorRoutes } from './routes/connector-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { functionRoutes } from './routes/function-routes.js';
import { installationRoutes } from './routes/installation-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { invokeRoutes } from './routes/invoke-routes.js';
import { keyRoutes } from './routes/key-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { solutionRoutes } from './routes/solution-routes.js';
import { versionRoutes } from './routes/version-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { orgRoutes } from './routes/org-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { actionRoutes } from './routes/action-routes.js';
import { SwitchboardError } from '@switchboard/core';

export interface HttpServices {
  readonly connectors: ConnectorService;
  readonly apis: ApiService;
  readonly orgs: OrgService;
  readonly connections: ConnectionService;
  readonly invoke: InvokeService;
  readonly events: EventService;
  readonly installations: InstallationService;
  readonly publishing: PublishingService;
  readonly solutions: SolutionService;
  readonly releases: ReleaseService;
  readonly orgKeys: OrgKeyService;
  readonly sessions: SessionService;
  readonly functions: FunctionService;
  readonly functionExecutions: FunctionExecutionService;
  readonly webhooks: WebhookService;
  readonly actions: ActionService;
  /** Resolves org keys and session tokens (by id, constant-time secret comparison). */
  readonly credentials: CredentialVerifier;
  /** Console sign-in sessions (the `sb_console` cookie; `__Host-sb_console` over https). */
  readonly consoleSessions: ConsoleSessionService;
  readonly ready: () => Promise<void>;
}

export interface HttpAppOptions {
  readonly services: HttpServices;
  readonly adminKey: string;
  readonly logger: Logger;
  readonly maxRequestBytes: number;
  readonly publicUrl: () => string;
  /** Failed authentications per client address per minute before 429 (SWITCHBOARD_AUTH_FAILURE_LIMIT). */
  readonly authFailureLimit: number;
  /** Reverse proxies whose X-Forwarded-For names the client (SWITCHBOARD_TRUSTED_PROXIES); default none. */
  readonly trustedProxies?: readonly string[];
  /** Time for the failure window (tests move it). */
  readonly clock?: Clock;
  /** Folders served as static files (see `ServerConfig.staticRoots`); none are served when omitted. */
  readonly staticRoots?: { readonly console: string; readonly sdk: string; readonly widgets: string };
}

/** The HTTP edge: parse and validate, call one use-case, render the result or a problem. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const { services, logger, maxRequestBytes } = options;
  const app = new Hono();

  app.onError((error, c) => {
    const correlationId = crypto.randomUUID();
    if (!isSwitchboardError(error)) {
      // Only the error's type: messages of unexpected errors may carry anything.
      logger.error({ correlationId, errorType: error.name, path: c.req.path, method: c.req.method }, 'unhandled error');
    } else if (error.code === 'internal_error') {
      logger.error({ correlationId, code: error.code, path: c.req.path }, 'internal error');
    }
    const response = problemResponse(error, c.req.path, correlationId);
    if (isSwitchboardError(error) && error.code === 'unauthenticated') response.headers.set('www-authenticate', 'Bearer realm="switchboard"');
    // A console cookie naming no live session (ended, expired, revoked), or several console
    // cookies, are removed with the 401.
    if (isSwitchboardError(error) && error.code === 'unauthenticated') {
      for (const setCookie of consoleCookieRemovals(c)) response.headers.append('set-cookie', setCookie);
    }
    // The rest of an oversized body is not read: announce that the connection ends with this
    // response (RFC 9112 §9.6), so a keep-alive client never sends its next request on a socket
    // about to close ("other side closed").
    if (isSwitchboardError(error) && error.code === 'payload_too_large') response.headers.set('connection', 'close');
    // RFC 9110 §10.2.3: when the failed-authentication window frees up.
    if (isSwitchboardError(error) && error.code === 'rate_limited' && typeof error.details['retryAfter'] === 'number') response.headers.set('retry-after', String(error.details['retryAfter']));
    return response;
  });
  app.notFound((c) => problemResponse(new SwitchboardError('not_found', `No route for ${c.req.method} ${c.req.path}.`), c.req.path, ''));

  // Public: health, the OpenAPI document and the OAuth redirect URL. Every other route is
  // authenticated and authorized by `on()` per its EndpointSpec.auth, with this guard.
  const publicOrigin = () => new URL(options.publicUrl()).origin;
  // One failure budget per client address, whichever way a credential is presented.
  const gate = createAuthGate({
    limiter: createAuthFailureLimiter({ limit: options.authFailureLimit, clock: options.clock ?? systemClock }),
    logger,
    trustedProxies: compileTrustedProxies(options.trustedProxies ?? []),
  });
  const isAdminKey = createAdminKeyMatcher(options.adminKey);
  const consoleCookies = createConsoleCookies(options.publicUrl);
  app.use(
    '*',
    provideRouteGuard(
      createRouteGuard({ isAdminKey, verifier: services.credentials, consoleSessions: services.consoleSessions, consoleCookies, gate, logger, publicOrigin }),
    ),
  );
  app.use('/v1/orgs/:org/*', sessionCors({ allowedOrigins: (org) => services.sessions.allowedOrigins(org) }));
  healthRoutes(app, services.ready);
  openApiRoutes(app, options.publicUrl);
  connectionRoutes(app, services.connections, logger, maxRequestBytes, publicOrigin);
  connectorRoutes(app, services.connectors, maxRequestBytes);
  apiRoutes(app, services.apis, maxRequestBytes);
  versionRoutes(app, services.publishing, maxRequestBytes);
  solutionRoutes(app, services.solutions, services.releases, maxRequestBytes);
  orgRoutes(app, services.orgs, maxRequestBytes);
  invokeRoutes(app, services.invoke, maxRequestBytes);
  eventRoutes(app, services.events);
  installationRoutes(app, services.installations, maxRequestBytes);
  keyRoutes(app, services.orgKeys, maxRequestBytes);
  sessionRoutes(app, services.sessions, maxRequestBytes);
  webhookRoutes(app, services.webhooks, maxRequestBytes);
  functionRoutes(app, services.functions, services.functionExecutions, maxRequestBytes);
  actionRoutes(app, services.actions, maxRequestBytes);
  consoleSessionRoutes(app, { sessions: services.consoleSessions, verifier: services.credentials, isAdminKey, gate, logger, publicOrigin, cookies: consoleCookies });
  // Static files last, so no API route can be shadowed; the console's catch-all after the others.
  if (options.staticRoots) {
    sdkStatic(app, options.staticRoots.sdk);
    widgetStatic(app, options.staticRoots.widgets);
    consoleStatic(app, options.staticRoots.console);
  }
  return app;
}
