import { endpoints } from '@switchboard/contracts';
import type { WebhookService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

/** Webhooks (admin key): the signing secret is in the create answer only. */
export function webhookRoutes(app: Hono, webhooks: WebhookService, maxBytes: number): void {
  on(app, endpoints.createWebhook, async (c) => {
    const body = await readJson(c, endpoints.createWebhook.body, maxBytes);
    const created = await webhooks.create(body);
    c.header('cache-control', 'no-store');
    return respond(c, endpoints.createWebhook, created);
  });
  on(app, endpoints.listWebhooks, async (c) => respond(c, endpoints.listWebhooks, { items: await webhooks.list() }));
  on(app, endpoints.getWebhook, async (c) => respond(c, endpoints.getWebhook, await webhooks.get(c.req.param('webhook')!)));
  on(app, endpoints.updateWebhook, async (c) => {
    const body = await readJson(c, endpoints.updateWebhook.body, maxBytes);
    return respond(c, endpoints.updateWebhook, await webhooks.update(c.req.param('webhook')!, body));
  });
  on(app, endpoints.deleteWebhook, async (c) => {
    await webhooks.delete(c.req.param('webhook')!);
    return c.body(null, 204);
  });
  on(app, endpoints.listWebhookDeliveries, async (c) => {
    const query = parseWith(endpoints.listWebhookDeliveries.query, c.req.query(), 'query');
    return respond(c, endpoints.listWebhookDeliveries, await webhooks.deliveries(c.req.param('webhook')!, query));
  });
  on(app, endpoints.testWebhook, async (c) => respond(c, endpoints.testWebhook, await webhooks.test(c.req.param('webhook')!)));
}
