import { endpoints, orgIdSchema, type EndpointSpec } from '@switchboard/contracts';
import type { Context, MiddlewareHandler } from 'hono';

const corsOriginKey = 'switchboard.corsOrigin';

/** Set by authentication once a session's secret matched and it lists the request's origin. */
export function setCorsOrigin(c: Context, origin: string): void {
  c.set(corsOriginKey as never, origin as never);
}

const corsOriginOf = (c: Context): string | undefined => c.get(corsOriginKey as never) as string | undefined;

/** Paths of the routes a session may use, as patterns (`{connector}.{api}` is one segment). */
const connectorRoutePatterns: RegExp[] = (Object.values(endpoints) as EndpointSpec[])
  .filter((spec) => spec.auth === 'connector')
  .map((spec) => new RegExp(`^${spec.path.replace('{connector}.{api}', '[^/]+').replace(/\{\w+\}/g, '[^/]+')}$`));
const connectorMethods = [...new Set((Object.values(endpoints) as EndpointSpec[]).filter((s) => s.auth === 'connector').map((s) => s.method.toUpperCase()))];

/**
 * Response headers a widget's script may read beyond the CORS-safelisted ones (Fetch standard
 * §3.2.3, `Access-Control-Expose-Headers`): when to retry after 429 (RFC 9110 §10.2.3) and the
 * Bearer challenge of a 401 (RFC 6750 §3), e.g. to tell an expired session from a refused one.
 */
const exposedHeaders = 'Retry-After, WWW-Authenticate';

/** A well-formed org id and a path of one of the connector routes (the only ones a session may use). */
const isConnectorRoute = (org: string, path: string): boolean => orgIdSchema.safeParse(org).success && connectorRoutePatterns.some((pattern) => pattern.test(path));

export interface SessionCorsOptions {
  /** Origins listed by the org's unexpired sessions (a preflight carries no token to check). */
  readonly allowedOrigins: (orgId: string) => Promise<readonly string[]>;
}

/**
 * CORS (Fetch standard §3.2) for browser widgets holding an SDK session, and for nothing else.
 * A preflight to an org's connector route is answered for an origin that one of the org's
 * unexpired sessions lists; the real response carries `Access-Control-Allow-Origin` only when
 * the session presented with it was verified and lists the origin. Problems included, so the
 * widget can read why it was refused.
 */
export function sessionCors(options: SessionCorsOptions): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const org = c.req.param('org');
      const headers = new Headers({ vary: 'Origin' });
      if (
        origin !== undefined &&
        org !== undefined &&
        isConnectorRoute(org, c.req.path) &&
        (await options.allowedOrigins(org)).includes(origin)
      ) {
        headers.set('access-control-allow-origin', origin);
        headers.set('access-control-allow-methods', connectorMethods.join(', '));
        headers.set('access-control-allow-headers', 'Authorization, Content-Type');
        headers.set('access-control-max-age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    // Whether the answer carries the CORS header depends on Origin, so every answer on these
    // routes says so (Fetch standard §3.2.5, RFC 9110 §12.5.5), the refused ones included: a
    // cache must not hand one origin's answer to another.
    if (!/(^|,)\s*origin\s*(,|$)/i.test(c.res.headers.get('vary') ?? '')) c.res.headers.append('vary', 'Origin');
    let allowed = corsOriginOf(c);
    // A rate-limited request is refused before its token is looked at (so the answer reveals
    // nothing about it): the widget may read the 429 and its Retry-After when the origin is one a
    // preflight would be answered for, which says no more than that preflight does.
    // Only for a Bearer request: a console (cookie) request never gets CORS headers.
    if (allowed === undefined && c.res.status === 429 && origin !== undefined && c.req.header('authorization') !== undefined) {
      const org = c.req.param('org');
      if (org !== undefined && isConnectorRoute(org, c.req.path) && (await options.allowedOrigins(org)).includes(origin)) allowed = origin;
    }
    if (allowed !== undefined && allowed === origin) {
      c.res.headers.set('access-control-allow-origin', allowed);
      c.res.headers.set('access-control-expose-headers', exposedHeaders);
    }
  };
}
