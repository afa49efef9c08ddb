import { endpoints } from '@switchboard/contracts';
import type { ApiService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

export function apiRoutes(app: Hono, apis: ApiService, maxBytes: number): void {
  on(app, endpoints.createApi, async (c) =>
    respond(c, endpoints.createApi, await apis.create(c.req.param('connector')!, await readJson(c, endpoints.createApi.body, maxBytes))),
  );
  on(app, endpoints.listApis, async (c) => respond(c, endpoints.listApis, { items: await apis.list(c.req.param('connector')!) }));
  on(app, endpoints.getApi, async (c) => respond(c, endpoints.getApi, await apis.get(c.req.param('connector')!, c.req.param('api')!)));
  on(app, endpoints.updateApi, async (c) =>
    respond(
      c,
      endpoints.updateApi,
      await apis.update(c.req.param('connector')!, c.req.param('api')!, await readJson(c, endpoints.updateApi.body, maxBytes)),
    ),
  );
  on(app, endpoints.deleteApi, async (c) => {
    await apis.delete(c.req.param('connector')!, c.req.param('api')!);
    return c.body(null, 204);
  });
}
