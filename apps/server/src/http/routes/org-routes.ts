import { endpoints } from '@switchboard/contracts';
import type { OrgService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

export function orgRoutes(app: Hono, orgs: OrgService, maxBytes: number): void {
  on(app, endpoints.createOrg, async (c) => respond(c, endpoints.createOrg, await orgs.create(await readJson(c, endpoints.createOrg.body, maxBytes))));
  on(app, endpoints.listOrgs, async (c) => respond(c, endpoints.listOrgs, { items: await orgs.list() }));
}
