import { Hono } from 'hono';

import type { ApiEnv } from './api-principal.js';

/** `/whoami`: the user, client and scopes behind the presented token. */
export function createWhoamiRoute(): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/', (c) => {
    const { sub, clientId, scopes } = c.get('principal');
    return c.json({ sub, clientId, scopes: [...scopes] });
  });
  return app;
}
