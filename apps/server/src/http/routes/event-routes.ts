import { endpoints } from '@switchboard/contracts';
import type { EventService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { parseWith } from '../validation.js';

export function eventRoutes(app: Hono, events: EventService): void {
  on(app, endpoints.listEvents, async (c) => {
    const query = parseWith(endpoints.listEvents.query, c.req.query(), 'query');
    return respond(c, endpoints.listEvents, await events.list({ orgId: c.req.param('org')!, ...query }));
  });
}
