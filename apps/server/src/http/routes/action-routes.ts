import { endpoints } from '@switchboard/contracts';
import type { ActionService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

/** Connector actions (On Authorization / On Revoking) of a solution's connectors. */
export function actionRoutes(app: Hono, actions: ActionService, maxBytes: number): void {
  on(app, endpoints.getConnectorActions, async (c) =>
    respond(c, endpoints.getConnectorActions, await actions.get(c.req.param('solution')!, c.req.param('connector')!)),
  );
  on(app, endpoints.setConnectorActions, async (c) =>
    respond(
      c,
      endpoints.setConnectorActions,
      await actions.set(c.req.param('solution')!, c.req.param('connector')!, await readJson(c, endpoints.setConnectorActions.body, maxBytes)),
    ),
  );
}
