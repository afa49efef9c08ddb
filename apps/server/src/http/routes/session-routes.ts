import { endpoints } from '@switchboard/contracts';
import { SwitchboardError, type SessionService } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf, principalOf } from '../principal.js';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

/** SDK sessions, minted by an org's backend with its org key. */
export function sessionRoutes(app: Hono, sessions: SessionService, maxBytes: number): void {
  on(app, endpoints.createSession, async (c) => {
    const principal = principalOf(c);
    // A session lives as long as the key that minted it; the admin key has no such lifetime,
    // and a session may not extend itself.
    if (principal.kind !== 'org_key') throw new SwitchboardError('forbidden', 'Mint sessions with a key of the org (`POST /v1/orgs/{org}/keys`).');
    const body = await readJson(c, endpoints.createSession.body, maxBytes);
    const created = await sessions.create({ ...body, orgId: principal.orgId, keyId: principal.keyId, actor: actorOf(c) });
    c.header('cache-control', 'no-store');
    return respond(c, endpoints.createSession, created);
  });
}
