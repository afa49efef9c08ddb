import { endpoints } from '@switchboard/contracts';
import type { ReleaseService, SolutionService } from '@switchboard/core';
import type { Hono } from 'hono';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

export function solutionRoutes(app: Hono, solutions: SolutionService, releases: ReleaseService, maxBytes: number): void {
  on(app, endpoints.createSolution, async (c) => respond(c, endpoints.createSolution, await solutions.create(await readJson(c, endpoints.createSolution.body, maxBytes))));
  on(app, endpoints.listSolutions, async (c) => respond(c, endpoints.listSolutions, { items: await solutions.list() }));
  on(app, endpoints.getSolution, async (c) => respond(c, endpoints.getSolution, await solutions.get(c.req.param('solution')!)));
  on(app, endpoints.updateSolution, async (c) =>
    respond(c, endpoints.updateSolution, await solutions.update(c.req.param('solution')!, await readJson(c, endpoints.updateSolution.body, maxBytes))),
  );
  on(app, endpoints.deleteSolution, async (c) => {
    await solutions.delete(c.req.param('solution')!);
    return c.body(null, 204);
  });

  on(app, endpoints.listSolutionConnectors, async (c) => respond(c, endpoints.listSolutionConnectors, { items: await solutions.listConnectors(c.req.param('solution')!) }));
  on(app, endpoints.pinSolutionConnector, async (c) =>
    respond(
      c,
      endpoints.pinSolutionConnector,
      await solutions.pin(c.req.param('solution')!, c.req.param('connector')!, await readJson(c, endpoints.pinSolutionConnector.body, maxBytes)),
    ),
  );
  on(app, endpoints.unpinSolutionConnector, async (c) => {
    await solutions.unpin(c.req.param('solution')!, c.req.param('connector')!);
    return c.body(null, 204);
  });

  on(app, endpoints.createRelease, async (c) =>
    respond(c, endpoints.createRelease, await releases.create(c.req.param('solution')!, await readJson(c, endpoints.createRelease.body, maxBytes))),
  );
  on(app, endpoints.listReleases, async (c) => respond(c, endpoints.listReleases, { items: await releases.list(c.req.param('solution')!) }));
  on(app, endpoints.getRelease, async (c) => respond(c, endpoints.getRelease, await releases.get(c.req.param('solution')!, c.req.param('release')!)));
}
