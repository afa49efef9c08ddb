import { endpoints } from '@switchboard/contracts';
import type { OrgKeyService } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf } from '../principal.js';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

/** Org keys (admin key only): create (the key is shown once), list, revoke. */
export function keyRoutes(app: Hono, keys: OrgKeyService, maxBytes: number): void {
  on(app, endpoints.createOrgKey, async (c) => {
    const body = await readJson(c, endpoints.createOrgKey.body, maxBytes);
    const created = await keys.create({ orgId: c.req.param('org')!, name: body.name, actor: actorOf(c) });
    c.header('cache-control', 'no-store');
    return respond(c, endpoints.createOrgKey, created);
  });
  on(app, endpoints.listOrgKeys, async (c) => respond(c, endpoints.listOrgKeys, { items: await keys.list(c.req.param('org')!) }));
  on(app, endpoints.revokeOrgKey, async (c) => {
    await keys.revoke({ orgId: c.req.param('org')!, keyId: c.req.param('key')!, actor: actorOf(c) });
    return c.body(null, 204);
  });
}
