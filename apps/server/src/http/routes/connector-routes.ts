import { endpoints } from '@switchboard/contracts';
import type { ConnectorService } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf } from '../principal.js';
import { on, respond } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

export function connectorRoutes(app: Hono, connectors: ConnectorService, maxBytes: number): void {
  on(app, endpoints.createConnector, async (c) =>
    respond(c, endpoints.createConnector, await connectors.create(await readJson(c, endpoints.createConnector.body, maxBytes))),
  );
  on(app, endpoints.listConnectors, async (c) => respond(c, endpoints.listConnectors, { items: await connectors.list() }));
  on(app, endpoints.getConnector, async (c) => respond(c, endpoints.getConnector, await connectors.get(c.req.param('connector')!)));
  on(app, endpoints.updateConnector, async (c) =>
    respond(c, endpoints.updateConnector, await connectors.update(c.req.param('connector')!, await readJson(c, endpoints.updateConnector.body, maxBytes))),
  );
  on(app, endpoints.deleteConnector, async (c) => {
    const query = parseWith(endpoints.deleteConnector.query, c.req.query(), 'query');
    await connectors.delete(c.req.param('connector')!, { revokeConnections: query.revokeConnections === 'true', actor: actorOf(c) });
    return c.body(null, 204);
  });
  on(app, endpoints.setCredentials, async (c) =>
    respond(c, endpoints.setCredentials, await connectors.setCredentials(c.req.param('connector')!, await readJson(c, endpoints.setCredentials.body, maxBytes))),
  );
  on(app, endpoints.getCredentials, async (c) => respond(c, endpoints.getCredentials, await connectors.getCredentials(c.req.param('connector')!)));
}
