import type { EndpointSpec } from '@switchboard/contracts';
import type { Context, Hono } from 'hono';

/** `/v1/connectors/{connector}` → `/v1/connectors/:connector`; the `{connector}.{api}` segment becomes `:target`. */
export const honoPath = (path: string): string => path.replace('{connector}.{api}', ':target').replace(/\{(\w+)\}/g, ':$1');

/** Register a handler at exactly the method and path the contract (and so the OpenAPI document) names. */
export function on(app: Hono, spec: EndpointSpec, handler: (c: Context) => Promise<Response> | Response): void {
  app.on(spec.method.toUpperCase(), honoPath(spec.path), handler);
}

/** Validate a response against its allow-list schema in development and tests. */
export function respond(c: Context, spec: EndpointSpec, body: unknown): Response {
  const schema = spec.response.schema;
  const checked = schema ? schema.parse(body) : body;
  return c.json(checked as object, spec.response.status as 200);
}
