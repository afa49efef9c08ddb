import { Hono } from 'hono';

import type { ApiEnv } from './api-principal.js';

/** What `/echo/*` answers: exactly what reached the upstream, for tests of the calling side. */
export interface EchoResponse {
  method: string;
  /** Full request path, e.g. /api/echo/a/b. */
  path: string;
  /** A parameter sent once is a string; sent more than once, an array in order. */
  query: Record<string, string | string[]>;
  /** Lower-cased names; the Authorization value is replaced by "present". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body decoded as UTF-8 when it is text (see isTextual), else null. */
  bodyText: string | null;
  /** The exact body bytes, always (also for text), so binary uploads can be compared. */
  bodyBase64: string;
  size: number;
}

/** `/echo/*`: any method, any valid token, no scope needed. */
export function createEchoRoute(): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.all('/*', async (c) => {
    const url = new URL(c.req.url);
    const query: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(c.req.queries())) {
      query[name] = values.length === 1 && values[0] !== undefined ? values[0] : values;
    }
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name] = name === 'authorization' ? 'present' : value;
    });
    const body = Buffer.from(await c.req.arrayBuffer());
    const contentType = c.req.header('content-type') ?? null;
    const response: EchoResponse = {
      method: c.req.method,
      path: url.pathname,
      query,
      headers,
      contentType,
      bodyText: isTextual(contentType, body) ? body.toString('utf8') : null,
      bodyBase64: body.toString('base64'),
      size: body.byteLength,
    };
    return c.json(response);
  });
  return app;
}

const TEXT_TYPES = /^(text\/|application\/([\w.+-]+\+)?(json|xml)\b|application\/x-www-form-urlencoded\b|application\/(javascript|graphql)\b)/i;

/** Text by declared type, or untyped but valid UTF-8 (how most clients send small text bodies). */
function isTextual(contentType: string | null, body: Buffer): boolean {
  if (contentType !== null) return TEXT_TYPES.test(contentType);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}
