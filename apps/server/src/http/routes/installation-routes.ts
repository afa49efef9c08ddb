import { endpoints } from '@switchboard/contracts';
import type { InstallationService } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf } from '../principal.js';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

/** Installing solution releases in subscriber orgs (admin key only; `on()` checks the path's shapes). */
export function installationRoutes(app: Hono, installations: InstallationService, maxBytes: number): void {
  on(app, endpoints.installSolution, async (c) => {
    const body = await readJson(c, endpoints.installSolution.body, maxBytes);
    return respond(c, endpoints.installSolution, await installations.install({ orgId: c.req.param('org')!, ...body, actor: actorOf(c) }));
  });
  on(app, endpoints.listInstallations, async (c) => respond(c, endpoints.listInstallations, { items: await installations.list({ orgId: c.req.param('org')! }) }));
  on(app, endpoints.upgradeInstallation, async (c) => {
    const body = await readJson(c, endpoints.upgradeInstallation.body, maxBytes);
    return respond(
      c,
      endpoints.upgradeInstallation,
      await installations.upgrade({ orgId: c.req.param('org')!, solution: c.req.param('solution')!, release: body.release, actor: actorOf(c) }),
    );
  });
  on(app, endpoints.uninstallSolution, async (c) =>
    respond(c, endpoints.uninstallSolution, await installations.uninstall({ orgId: c.req.param('org')!, solution: c.req.param('solution')!, actor: actorOf(c) })),
  );
}
