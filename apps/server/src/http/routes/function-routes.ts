import { endpoints } from '@switchboard/contracts';
import type { FunctionExecutionService, FunctionService } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf } from '../principal.js';
import { on, respond } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

const maxArgsBytes = 1024 * 1024;

export function functionRoutes(app: Hono, functions: FunctionService, executions: FunctionExecutionService, maxBytes: number): void {
  on(app, endpoints.createFunction, async (c) =>
    respond(c, endpoints.createFunction, await functions.create(c.req.param('solution')!, await readJson(c, endpoints.createFunction.body, maxBytes))),
  );
  on(app, endpoints.listFunctions, async (c) => respond(c, endpoints.listFunctions, { items: await functions.list(c.req.param('solution')!) }));
  on(app, endpoints.getFunction, async (c) => respond(c, endpoints.getFunction, await functions.get(c.req.param('solution')!, c.req.param('function')!)));
  on(app, endpoints.updateFunction, async (c) =>
    respond(
      c,
      endpoints.updateFunction,
      await functions.update(c.req.param('solution')!, c.req.param('function')!, await readJson(c, endpoints.updateFunction.body, maxBytes)),
    ),
  );
  on(app, endpoints.deleteFunction, async (c) => {
    await functions.delete(c.req.param('solution')!, c.req.param('function')!);
    return c.body(null, 204);
  });

  on(app, endpoints.executeFunction, async (c) => {
    // `{solution}.{function}`, both API names (checked with the path parameters).
    const target = c.req.param('target')!;
    const dot = target.indexOf('.');
    // Arguments are copied into a worker process: a megabyte is plenty, and bounds the copy.
    const body = await readJson(c, endpoints.executeFunction.body, Math.min(maxBytes, maxArgsBytes));
    const result = await executions.execute({
      orgId: c.req.param('org')!,
      solution: target.slice(0, dot),
      function: target.slice(dot + 1),
      args: body.args ?? null,
      trigger: 'manual',
      actor: actorOf(c),
    });
    return respond(c, endpoints.executeFunction, result);
  });

  on(app, endpoints.listExecutions, async (c) => {
    const query = parseWith(endpoints.listExecutions.query, c.req.query(), 'query');
    return respond(c, endpoints.listExecutions, await executions.list({ orgId: c.req.param('org')!, ...query }));
  });
}
