import { apiNameSchema, orgIdSchema, semverSchema, type EndpointSpec } from '@switchboard/contracts';
import { SwitchboardError } from '@switchboard/core';
import type { Context, Hono } from 'hono';
import { authenticateRoute, authorizeRoute } from './authenticate.js';

/** `/v1/connectors/{connector}` → `/v1/connectors/:connector`; a `{connector}.{api}` or `{solution}.{function}` segment becomes `:target`. */
export const honoPath = (path: string): string =>
  path.replace('{connector}.{api}', ':target').replace('{solution}.{function}', ':target').replace(/\{(\w+)\}/g, ':$1');

const isApiName = (value: string) => apiNameSchema.safeParse(value).success;
const isOrgId = (value: string) => orgIdSchema.safeParse(value).success;

/** Each path parameter's shape; `target` is `<connector>.<api>` (split again by the invoke route). */
const paramChecks: Record<string, (value: string) => boolean> = {
  connector: isApiName,
  api: isApiName,
  org: isOrgId,
  solution: isApiName,
  function: isApiName,
  /** A connector version number: 1, 2, 3… */
  n: (value) => /^[1-9][0-9]{0,8}$/.test(value),
  /** A release: a semantic version as written (`1.0.0`, `2.0.0-rc.1`). */
  release: (value) => semverSchema.safeParse(value).success,
  target: (value) => {
    const dot = value.indexOf('.');
    return dot > 0 && isApiName(value.slice(0, dot)) && isApiName(value.slice(dot + 1));
  },
};

/**
 * Validate path parameters at the edge: a value that no stored name can match (wrong shape, NUL
 * bytes, overlong) is `not_found` without a database round trip. Without this, PostgreSQL
 * answered a NUL byte in a name with an encoding error (a 500).
 */
function checkParams(c: Context): void {
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    const check = paramChecks[name];
    if (check && !check(value)) {
      throw new SwitchboardError('not_found', `No ${name} matches '${value.slice(0, 100)}'.`, { details: { [name]: value.slice(0, 100) } });
    }
  }
}

/** Register a handler at exactly the method and path the contract (and so the OpenAPI document) names. */
export function on(app: Hono, spec: EndpointSpec, handler: (c: Context) => Promise<Response> | Response): void {
  app.on(spec.method.toUpperCase(), honoPath(spec.path), async (c) => {
    // Who (401/429) before the parameters' shape (404), then may they (403/404) per spec.auth.
    await authenticateRoute(c, spec);
    checkParams(c);
    authorizeRoute(c, spec);
    return withApiHeaders(spec, await handler(c));
  });
}

/**
 * Headers every API answer carries unless its handler chose otherwise. An authenticated answer
 * is for its caller only: `no-store`, so no shared cache or browser history keeps it after
 * sign-out (a logo, cacheable content behind a credential, sets `private` itself). JSON is never
 * sniffed as something else (`nosniff`). Problems carry both already (`problemResponse`).
 */
function withApiHeaders(spec: EndpointSpec, response: Response): Response {
  if (spec.auth !== 'none' && !response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
  if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) response.headers.set('x-content-type-options', 'nosniff');
  return response;
}

/** Validate a response against its allow-list schema in development and tests. */
export function respond(c: Context, spec: EndpointSpec, body: unknown): Response {
  const schema = spec.response.schema;
  const checked = schema ? schema.parse(body) : body;
  return c.json(checked as object, spec.response.status as 200);
}
