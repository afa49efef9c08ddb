import { endpoints } from '@switchboard/contracts';
import { isSwitchboardError, openerOriginOfFailure, type ConnectionService, type Logger } from '@switchboard/core';
import type { Hono } from 'hono';
import { openerOriginOf } from '../authenticate.js';
import { callbackPage } from '../callback-page.js';
import { logoResponse } from '../logo-response.js';
import { actorOf } from '../principal.js';
import { problemResponse } from '../problem-response.js';
import { on, respond } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

/**
 * `returnTo` as a Location value (RFC 9110 §10.2.2): every byte outside visible ASCII
 * percent-encoded as UTF-8 (RFC 3986 §2.1), since a header cannot carry it as is (a character
 * beyond Latin-1 made the redirect a 500 after the tokens were stored). Nothing else changes: no
 * URL resolution, which could turn `/.//host` into the scheme-relative `//host`. The contract
 * already holds it to a path starting with a single `/` (no `//`, no backslash, no whitespace).
 */
function headerSafePath(path: string): string {
  return path.replace(/[^\x21-\x7e]+/g, (run) => [...Buffer.from(run, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** `publicOrigin`: Switchboard's own origin, where the callback page posts when no SDK session started the flow. */
export function connectionRoutes(app: Hono, connections: ConnectionService, logger: Logger, maxBytes: number, publicOrigin: () => string): void {
  on(app, endpoints.startAuthorization, async (c) => {
    const body = await readJson(c, endpoints.startAuthorization.body, maxBytes);
    const started = await connections.startAuthorization({ orgId: c.req.param('org')!, connectorApiName: c.req.param('connector')!, returnTo: body.returnTo, actor: actorOf(c), openerOrigin: openerOriginOf(c, publicOrigin()) });
    return respond(c, endpoints.startAuthorization, { authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt.toISOString() });
  });
  on(app, endpoints.listConnections, async (c) => respond(c, endpoints.listConnections, { items: await connections.list({ orgId: c.req.param('org')! }) }));
  on(app, endpoints.getConnection, async (c) =>
    respond(c, endpoints.getConnection, await connections.get({ orgId: c.req.param('org')!, connectorApiName: c.req.param('connector')! })),
  );
  on(app, endpoints.getConnectionLogo, async (c) =>
    // Which version's logo this is changes with an upgrade or a publish: revalidate every time.
    logoResponse(await connections.logo({ orgId: c.req.param('org')!, connectorApiName: c.req.param('connector')! }), 'private, no-cache'),
  );
  on(app, endpoints.revokeConnection, async (c) =>
    respond(c, endpoints.revokeConnection, await connections.revoke({ orgId: c.req.param('org')!, connectorApiName: c.req.param('connector')!, actor: actorOf(c) })),
  );

  // The redirect URL. No key: the single-use state is the credential (RFC 6749 §10.12).
  on(app, endpoints.oauthCallback, async (c) => {
    const wantsHtml = (c.req.header('accept') ?? 'text/html').includes('text/html');
    try {
      const raw = c.req.query();
      const query = parseWith(endpoints.oauthCallback.query, raw, 'query');
      const stringQuery: Record<string, string> = {};
      for (const [key, value] of Object.entries(query)) if (typeof value === 'string') stringQuery[key] = value;
      const done = await connections.completeAuthorization(stringQuery);
      if (done.returnTo) {
        return new Response(null, { status: 303, headers: { location: headerSafePath(done.returnTo), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
      }
      return callbackPage({
        status: 200,
        title: 'Connected',
        message: `Connector “${done.connector}” is now authorized. You may close this window.`,
        post: { type: 'switchboard:authorization', status: 'authorized', org: done.orgId, connector: done.connector },
        targetOrigin: done.openerOrigin,
      });
    } catch (error) {
      const correlationId = crypto.randomUUID();
      const known = isSwitchboardError(error);
      if (!known) logger.error({ correlationId, err: error instanceof Error ? error.name : 'unknown' }, 'oauth callback failed');
      // A failed callback is a failed request of the browser (RFC 6749 §4.1.2.1 leaves the page to
      // the client): 400 for every known failure, page or problem alike; 500 only for the unexpected.
      const status = known ? 400 : 500;
      if (!wantsHtml) {
        const response = problemResponse(error, c.req.path, correlationId, status);
        response.headers.set('referrer-policy', 'no-referrer');
        return response;
      }
      const details = known ? error.details : {};
      return callbackPage({
        status,
        title: 'Authorization failed',
        message: known ? error.message : `Something went wrong (correlation id ${correlationId}).`,
        post: {
          type: 'switchboard:authorization',
          status: 'failed',
          org: typeof details['org'] === 'string' ? details['org'] : null,
          connector: typeof details['connector'] === 'string' ? details['connector'] : null,
          code: known ? error.code : 'internal_error',
        },
        // The origin recorded when the flow started, once the state proved valid (so the widget
        // that started it hears of a denial); with an unknown or forged state only Switchboard's own.
        targetOrigin: openerOriginOfFailure(error) ?? publicOrigin(),
      });
    }
  });
}
