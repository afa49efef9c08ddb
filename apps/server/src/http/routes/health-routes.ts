import { endpoints } from '@switchboard/contracts';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';

export function healthRoutes(app: Hono, ready: () => Promise<void>): void {
  on(app, endpoints.health, (c) => respond(c, endpoints.health, { status: 'ok' }));
  on(app, endpoints.ready, async (c) => {
    await ready();
    return respond(c, endpoints.ready, { status: 'ok' });
  });
}
