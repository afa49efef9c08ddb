import { randomUUID } from 'node:crypto';
import type { ConnectorActionsView, ExecutionPage, ExecutionView, ReleaseView } from '@switchboard/contracts';
import { actionJob } from '@switchboard/core';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type TestEnvironment } from './testing/test-environment.js';

/**
 * Connector actions against the real stack on both databases: real authorizations and
 * revocations at the oidc-provider demo, the action dispatcher reading the audit log, durable jobs
 * running the functions in the sandbox, and the runs in the org's executions.
 */
describe.each(testDatabases())('connector actions on $name', (database) => {
  let opened: OpenedTestDatabase;
  let env: TestEnvironment;
  let envClosed = false;
  let solutions = 0;

  beforeAll(async () => {
    opened = await database.open();
    env = await createTestEnvironment({ storage: opened.config, jobs: { random: () => 0, pollMs: 50 } });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    if (!envClosed) await env?.close();
    await opened?.cleanup();
  });

  /** A fresh solution (`acts_<n>`) with these functions (name → source), associating `acme` at a fresh version. */
  const solutionWith = async (functions: Record<string, string>): Promise<string> => {
    solutions += 1;
    const solution = `acts_${solutions}`;
    expect((await env.request('POST', '/v1/solutions', { apiName: solution, name: `Actions ${solutions}` })).status).toBe(201);
    for (const [apiName, source] of Object.entries(functions)) {
      const created = await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName, name: apiName, source });
      expect(created.status, created.text).toBe(201);
    }
    const pinned = await env.request('PUT', `/v1/solutions/${solution}/connectors/acme`, { version: await env.publish('acme') });
    expect(pinned.status, pinned.text).toBe(200);
    return solution;
  };

  const setActions = async (solution: string, body: Record<string, unknown>): Promise<ConnectorActionsView> => {
    const response = await env.request<ConnectorActionsView>('PUT', `/v1/solutions/${solution}/connectors/acme/actions`, body);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  /** Release the solution and install it in a fresh subscriber org; returns the org. */
  const releaseAndInstall = async (solution: string): Promise<string> => {
    expect((await env.request('POST', `/v1/solutions/${solution}/releases`, { version: '1.0.0' })).status).toBe(201);
    const org = await env.newOrg({ connectors: [] });
    const installed = await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release: '1.0.0' });
    expect(installed.status, installed.text).toBe(201);
    return org;
  };

  const executionsOf = async (org: string, solution: string, server = env): Promise<ExecutionView[]> => {
    const page = await server.request<ExecutionPage>('GET', `/v1/orgs/${org}/executions?limit=200`);
    expect(page.status, page.text).toBe(200);
    return page.body.items.filter((e) => e.solution === solution).reverse();
  };

  /** Dispatch and run jobs until the org has `count` runs of the solution (the background loops run too). */
  const runsOf = async (org: string, solution: string, count: number, server = env): Promise<ExecutionView[]> => {
    let runs: ExecutionView[] = [];
    await vi.waitFor(
      async () => {
        await server.server.dispatchActions();
        await server.server.jobs.poll();
        runs = await executionsOf(org, solution, server);
        expect(runs.length).toBeGreaterThanOrEqual(count);
      },
      { timeout: 30_000, interval: 100 },
    );
    return runs;
  };

  const logArgs = 'export async function main(args) {\n  console.log(JSON.stringify(args));\n  return args.event;\n}\n';

  it('sets, reads and clears a connector’s actions; unknown functions, solutions and connectors are 404', async () => {
    solutions += 1;
    const bare = `acts_${solutions}`;
    expect((await env.request('POST', '/v1/solutions', { apiName: bare, name: 'Bare' })).status).toBe(201);
    // Not associated with the solution yet.
    expect(expectProblem(await env.request('PUT', `/v1/solutions/${bare}/connectors/acme/actions`, { onAuthorize: null }), 404, 'not_found').detail).toContain('not associated');

    const solution = await solutionWith({ welcome: logArgs, goodbye: logArgs });
    expect((await env.request('GET', `/v1/solutions/${solution}/connectors/acme/actions`)).body).toEqual({ solution, connector: 'acme', onAuthorize: null, onRevoke: null });
    const missing = expectProblem(await env.request('PUT', `/v1/solutions/${solution}/connectors/acme/actions`, { onAuthorize: 'nope' }), 404, 'not_found');
    expect(missing['function']).toBe('nope');
    expectProblem(await env.request('PUT', `/v1/solutions/${solution}/connectors/acme/actions`, { onAuthorize: 'welcome', extra: 1 }), 400, 'validation_failed');
    expectProblem(await env.request('PUT', `/v1/solutions/${solution}/connectors/acme/actions`, { onAuthorize: 'Not A Name' }), 400, 'validation_failed');
    expectProblem(await env.request('PUT', '/v1/solutions/no_such/connectors/acme/actions', {}), 404, 'not_found');

    expect(await setActions(solution, { onAuthorize: 'welcome' })).toEqual({ solution, connector: 'acme', onAuthorize: 'welcome', onRevoke: null });
    // Omitted leaves a field as it was; null clears it.
    expect(await setActions(solution, { onRevoke: 'goodbye' })).toEqual({ solution, connector: 'acme', onAuthorize: 'welcome', onRevoke: 'goodbye' });
    expect(await setActions(solution, { onAuthorize: null })).toEqual({ solution, connector: 'acme', onAuthorize: null, onRevoke: 'goodbye' });
    expect((await env.request('GET', `/v1/solutions/${solution}/connectors/acme/actions`)).body).toEqual({ solution, connector: 'acme', onAuthorize: null, onRevoke: 'goodbye' });
    expect(await setActions(solution, { onRevoke: null })).toEqual({ solution, connector: 'acme', onAuthorize: null, onRevoke: null });
    // Without the admin key: refused.
    expect((await env.request('GET', `/v1/solutions/${solution}/connectors/acme/actions`, undefined, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('onAuthorize calls invokeConnector after a real authorization; onRevoke runs on revoke and on uninstall, as the release recorded', async () => {
    const name = `Act${randomUUID().slice(0, 8)}`;
    const solution = await solutionWith({
      welcome: [
        'export async function main(args) {',
        "  const created = await invokeConnector('acme.createcontact', { First_Name: args.org.slice(0, 3) + '" + name + "', Phone_Number: '555-0100', VARIABLES: { Last_Name: 'Action', Email_ID: 'act@example.com' } });",
        '  console.log(JSON.stringify(args));',
        '  console.log(`created ${created.status}`);',
        '}',
      ].join('\n'),
      goodbye: logArgs,
    });
    await setActions(solution, { onAuthorize: 'welcome', onRevoke: 'goodbye' });
    const org = await releaseAndInstall(solution);
    // The draft changing after the release does not change what the subscriber runs.
    await setActions(solution, { onRevoke: null });
    // Nor what the release shows it recorded.
    const recorded = [{ connector: 'acme', onAuthorize: 'welcome', onRevoke: 'goodbye' }];
    expect((await env.request<ReleaseView>('GET', `/v1/solutions/${solution}/releases/1.0.0`)).body.actions).toEqual(recorded);
    expect((await env.request<{ items: ReleaseView[] }>('GET', `/v1/solutions/${solution}/releases`)).body.items.map((r) => r.actions)).toEqual([recorded]);

    expect((await env.authorize(org)).status).toBe(200);
    const [authorized] = await runsOf(org, solution, 1);
    expect(authorized).toMatchObject({ function: 'welcome', trigger: 'authorized', status: 'succeeded', error: null, connectorCalls: 1 });
    const args = JSON.parse(authorized!.logs[0]!.message) as Record<string, unknown>;
    expect(args).toEqual({ event: 'authorized', connector: 'acme', org, scopes: expect.arrayContaining(['contacts:write']), at: expect.any(String) });
    expect(authorized!.logs[1]!.message).toBe('created 201');
    // The contact is at the demo, created with the org's own connection.
    const listed = await env.request<{ status: number; body: unknown }>('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {});
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body.body)).toContain(`${org.slice(0, 3)}${name}`);

    // Dispatching again (and the overlap window) queues nothing twice.
    await env.server.dispatchActions();
    await env.server.jobs.poll();
    expect(await executionsOf(org, solution)).toHaveLength(1);

    expect((await env.request('DELETE', `/v1/orgs/${org}/connections/acme`)).status).toBe(200);
    const afterRevoke = await runsOf(org, solution, 2);
    expect(afterRevoke[1]).toMatchObject({ function: 'goodbye', trigger: 'revoked', status: 'succeeded' });
    expect(JSON.parse(afterRevoke[1]!.logs[0]!.message)).toMatchObject({ event: 'revoked', connector: 'acme', org });

    // Authorize again, then uninstall: the uninstall's revocation runs the release's onRevoke.
    expect((await env.authorize(org)).status).toBe(200);
    await runsOf(org, solution, 3);
    const uninstalled = await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`);
    expect(uninstalled.status, uninstalled.text).toBe(200);
    const all = await runsOf(org, solution, 4);
    expect(all.map((e) => `${e.function}:${e.trigger}:${e.status}`)).toEqual(['welcome:authorized:succeeded', 'goodbye:revoked:succeeded', 'welcome:authorized:succeeded', 'goodbye:revoked:succeeded']);
  });

  it('a failing action never fails the callback: the run is recorded failed once, not retried', async () => {
    const solution = await solutionWith({ broken: "export async function main() {\n  throw new Error('action boom');\n}\n" });
    await setActions(solution, { onAuthorize: 'broken' });
    // Org `dev` runs the draft actions of every solution associating the connector.
    const callback = await env.authorize('dev');
    expect(callback.status).toBe(200);
    const [run] = await runsOf('dev', solution, 1);
    expect(run).toMatchObject({ function: 'broken', trigger: 'authorized', status: 'failed', error: { code: 'function_error', message: expect.stringContaining('action boom') } });
    // User-code failures are not retried (infrastructure failures are, by the job runner).
    await env.server.dispatchActions();
    await env.server.jobs.poll();
    expect(await executionsOf('dev', solution)).toHaveLength(1);
    await setActions(solution, { onAuthorize: null });
  });

  it('an action job survives a server restart and runs once', async () => {
    const solution = await solutionWith({ ping: logArgs });
    await env.close();
    envClosed = true;
    // A runner that does not poll on its own: the job is enqueued and the server stops before running it.
    const first = await createTestEnvironment({ storage: opened.config, jobs: { pollMs: 3_600_000 } });
    const at = new Date();
    const job = actionJob(`restart-${randomUUID()}`, { orgId: 'dev', solution, function: 'ping', releaseId: null, args: { event: 'authorized', connector: 'acme', org: 'dev', scopes: [], at: at.toISOString() } }, at);
    // Due a moment later, so the runner's first round (at start) cannot have taken it.
    expect(await first.server.store.jobs.enqueue({ ...job, runAt: new Date(at.getTime() + 500) })).toBe(true);
    expect(await first.server.store.jobs.enqueue({ ...job, id: randomUUID() })).toBe(false);
    // Stopped before running it.
    expect(await executionsOf('dev', solution, first)).toHaveLength(0);
    await first.close();

    const second = await createTestEnvironment({ storage: opened.config, jobs: { pollMs: 50 } });
    try {
      const runs = await runsOf('dev', solution, 1, second);
      expect(runs[0]).toMatchObject({ function: 'ping', trigger: 'authorized', status: 'succeeded' });
      await second.server.jobs.poll();
      expect(await executionsOf('dev', solution, second)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
