import { endpoints } from '@switchboard/contracts';
import type { Hono } from 'hono';
import { openApiDocument } from '../openapi-document.js';
import { on } from '../route-table.js';

export function openApiRoutes(app: Hono, publicUrl: () => string): void {
  let cached: string | undefined;
  on(app, endpoints.openapi, (c) => {
    cached ??= JSON.stringify(openApiDocument(publicUrl()));
    return c.body(cached, 200, { 'content-type': 'application/json' });
  });
}
