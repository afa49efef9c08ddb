import type { ApiService, ConnectionService, ConnectorService, InvokeService, Logger, OrgService } from '@switchboard/core';
import { isSwitchboardError } from '@switchboard/core';
import { Hono } from 'hono';
import { adminAuth } from './admin-auth.js';
import { problemResponse } from './problem-response.js';
import { apiRoutes } from './routes/api-routes.js';
import { connectionRoutes } from './routes/connection-routes.js';
import { connectorRoutes } from './routes/connector-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { invokeRoutes } from './routes/invoke-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { orgRoutes } from './routes/org-routes.js';
import { SwitchboardError } from '@switchboard/core';

export interface HttpServices {
  readonly connectors: ConnectorService;
  readonly apis: ApiService;
  readonly orgs: OrgService;
  readonly connections: ConnectionService;
  readonly invoke: InvokeService;
  readonly ready: () => Promise<void>;
}

export interface HttpAppOptions {
  readonly services: HttpServices;
  readonly adminKey: string;
  readonly logger: Logger;
  readonly maxRequestBytes: number;
  readonly publicUrl: () => string;
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
    return response;
  });
  app.notFound((c) => problemResponse(new SwitchboardError('not_found', `No route for ${c.req.method} ${c.req.path}.`), c.req.path, ''));

  // Public: health, the OpenAPI document and the OAuth redirect URL. Everything else needs the key.
  healthRoutes(app, services.ready);
  openApiRoutes(app, options.publicUrl);
  const admin = adminAuth(options.adminKey);
  app.use('/v1/*', async (c, next) => (c.req.path === '/v1/oauth/callback' || c.req.path === '/v1/openapi.json' ? next() : admin(c, next)));
  connectionRoutes(app, services.connections, logger, maxRequestBytes);
  connectorRoutes(app, services.connectors, maxRequestBytes);
  apiRoutes(app, services.apis, maxRequestBytes);
  orgRoutes(app, services.orgs, maxRequestBytes);
  invokeRoutes(app, services.invoke, maxRequestBytes);
  return app;
}
