import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Provider } from 'oidc-provider';

import type { ApiEnv } from './api-principal.js';
import { bearerAuth } from './bearer-auth.js';
import type { ContactStore } from './contact-store.js';
import { createContactsRoutes } from './contacts-routes.js';
import { createEchoRoute } from './echo-route.js';
import { createFilesRoutes } from './files-routes.js';
import type { UploadStore } from './upload-store.js';
import { createWhoamiRoute } from './whoami-route.js';

/** What the API needs from the rest of the demo. */
export interface ApiDependencies {
  provider: Provider;
  /** The API's resource indicator; tokens must carry it as audience. */
  audience: string;
  contacts: ContactStore;
  uploads: UploadStore;
  onRequest(): void;
}

/** Caps request bodies so a runaway client cannot exhaust the test process. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * The Acme CRM REST API, mounted at /api. Order matters: count every request first (rejected
 * ones too), then authenticate, then route.
 */
export function createApiApp(deps: ApiDependencies): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.use('*', async (_c, next) => {
    deps.onRequest();
    await next();
  });
  api.use('*', bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: 'invalid_request', error_description: 'body too large' }, 413),
  }));
  api.use('*', bearerAuth(deps.provider, deps.audience));
  api.route('/contacts', createContactsRoutes(deps.contacts));
  api.route('/files', createFilesRoutes(deps.uploads));
  api.route('/echo', createEchoRoute());
  api.route('/whoami', createWhoamiRoute());
  api.notFound((c) => c.json({ error: 'not_found', error_description: 'no such endpoint' }, 404));
  return api;
}
