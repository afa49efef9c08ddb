import type { EventPage, ExecutionPage, ExecutionResultView, FunctionView, Problem, ReleaseDetailView, ReleaseView } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * Solution functions end to end on the running server: CRUD with the syntax check at save,
 * execution in the real sandbox pool (isolated-vm in child processes), `invokeConnector` through
 * the invoke engine after a real authorization at the oidc-provider demo, releases freezing the
 * source for subscriber orgs, per-function limits, hostile code while other requests are served,
 * and the org's execution log.
 */
describe.each(testDatabases())('functions on $name', (database) => {
  let env: TestEnvironment;
  let solutions = 0;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
    await env.createAcmeConnector();
    // Org `dev` runs drafts and uses the draft connector: authorize it once for every test.
    expect((await env.authorize('dev')).status).toBe(200);
  });

  afterAll(async () => {
    await env?.close();
  });

  /** A fresh solution (`fns_<n>`) with these functions (name → source or full body). */
  const solutionWith = async (functions: Record<string, string | Record<string, unknown>>): Promise<string> => {
    solutions += 1;
    const solution = `fns_${solutions}`;
    const made = await env.request('POST', '/v1/solutions', { apiName: solution, name: `Functions ${solutions}` });
    expect(made.status, made.text).toBe(201);
    for (const [apiName, spec] of Object.entries(functions)) {
      const body = typeof spec === 'string' ? { source: spec } : spec;
      const created = await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName, name: apiName, ...body });
      expect(created.status, created.text).toBe(201);
    }
    return solution;
  };

  /** Release the solution (pinning `acme` at a fresh version) and install it in a fresh subscriber org. */
  const releaseAndInstall = async (solution: string, version = '1.0.0'): Promise<string> => {
    const pinned = await env.request('PUT', `/v1/solutions/${solution}/connectors/acme`, { version: await env.publish('acme') });
    expect(pinned.status, pinned.text).toBe(200);
    const cut = await env.request('POST', `/v1/solutions/${solution}/releases`, { version });
    expect(cut.status, cut.text).toBe(201);
    const org = await env.newOrg({ connectors: [] });
    const installed = await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release: version });
    expect(installed.status, installed.text).toBe(201);
    return org;
  };

  const execute = (org: string, target: string, args?: unknown, headers?: Record<string, string>): Promise<ApiResponse<ExecutionResultView & Problem>> =>
    env.request('POST', `/v1/orgs/${org}/functions/${target}/execute`, args === undefined ? {} : { args }, headers ? { headers } : {});

  const succeeded = async (org: string, target: string, args?: unknown): Promise<ExecutionResultView> => {
    const response = await execute(org, target, args);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  it('creates, lists, reads, changes and deletes functions; a syntax error is refused at save with its line and column', async () => {
    const solution = await solutionWith({});
    const source = 'export async function main(args) {\n  return args;\n}\n';
    const created = await env.request<FunctionView>('POST', `/v1/solutions/${solution}/functions`, { apiName: 'echo', name: 'Echo', source });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      solution,
      apiName: 'echo',
      name: 'Echo',
      source,
      timeoutMs: 10_000,
      memoryMb: 64,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectProblem(await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'echo', name: 'Again', source }), 409, 'conflict');

    const broken = await env.request('POST', `/v1/solutions/${solution}/functions`, {
      apiName: 'broken',
      name: 'Broken',
      source: 'export async function main(args) {\n  const x = ;\n}\n',
    });
    const problem = expectProblem(broken, 400, 'validation_failed');
    expect(problem.errors).toEqual([{ path: 'body.source', message: expect.any(String), line: 2, column: 13 }]);
    // Not a module exporting main, or one importing host modules: refused too.
    expectProblem(await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'nomain', name: 'x', source: 'export const other = 1;' }), 400, 'validation_failed');
    const importing = expectProblem(
      await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'imports', name: 'x', source: "import fs from 'node:fs';\nexport async function main() {}" }),
      400,
      'validation_failed',
    );
    expect(importing.errors?.[0]).toMatchObject({ path: 'body.source', line: 1, column: 1 });
    // Limits within the server's caps (30 s and 256 MB by default).
    const tooLong = expectProblem(
      await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'slow', name: 'x', source, timeoutMs: 60_000, memoryMb: 512 }),
      400,
      'validation_failed',
    );
    expect(tooLong.errors?.map((e) => e.path)).toEqual(['body.timeoutMs', 'body.memoryMb']);
    expectProblem(await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'x', name: 'x', source, timeoutMs: 'soon' }), 400, 'validation_failed');

    const listed = await env.request<{ items: FunctionView[] }>('GET', `/v1/solutions/${solution}/functions`);
    expect(listed.body.items.map((f) => f.apiName)).toEqual(['echo']);
    expect((await env.request('GET', `/v1/solutions/${solution}/functions/echo`)).body).toEqual(created.body);

    const changed = await env.request<FunctionView>('PATCH', `/v1/solutions/${solution}/functions/echo`, { name: 'Echo 2', timeoutMs: 2000, memoryMb: 32 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Echo 2', timeoutMs: 2000, memoryMb: 32, source });
    const reset = await env.request<FunctionView>('PATCH', `/v1/solutions/${solution}/functions/echo`, { timeoutMs: null });
    expect(reset.body.timeoutMs).toBe(10_000);
    expectProblem(await env.request('PATCH', `/v1/solutions/${solution}/functions/echo`, { source: 'export async function main( {' }), 400, 'validation_failed');
    expectProblem(await env.request('PATCH', `/v1/solutions/${solution}/functions/echo`, { apiName: 'renamed' }), 400, 'validation_failed');

    expect((await env.request('DELETE', `/v1/solutions/${solution}/functions/echo`)).status).toBe(204);
    expectProblem(await env.request('GET', `/v1/solutions/${solution}/functions/echo`), 404, 'not_found');
    expectProblem(await env.request('DELETE', `/v1/solutions/${solution}/functions/echo`), 404, 'not_found');
    expectProblem(await env.request('GET', '/v1/solutions/no_such_solution/functions'), 404, 'not_found');

    // A solution goes with its functions and its releases' copies of them.
    const doomed = await solutionWith({ one: source, two: source });
    expect((await env.request('PUT', `/v1/solutions/${doomed}/connectors/acme`, { version: await env.publish('acme') })).status).toBe(200);
    expect((await env.request('POST', `/v1/solutions/${doomed}/releases`, { version: '1.0.0' })).status).toBe(201);
    expect((await env.request('DELETE', `/v1/solutions/${doomed}`)).status).toBe(204);
    expectProblem(await env.request('GET', `/v1/solutions/${doomed}/functions`), 404, 'not_found');

    // Admin only: an org key may not manage functions.
    const { key } = await env.orgKey('dev');
    expectProblem(await env.request('GET', `/v1/solutions/${solution}/functions`, undefined, { headers: { authorization: `Bearer ${key}` } }), 403, 'forbidden');
  });

  it('executes a function: its result, its console output and its duration; a throw is function_error with the user stack', async () => {
    const solution = await solutionWith({
      greet: [
        'export async function main(args, context) {',
        "  console.log('hello', args.name);",
        "  console.warn({ nested: [1, 2] });",
        '  return { greeting: `hi ${args.name}`, org: context.org, solution: context.solution, trigger: context.trigger };',
        '}',
      ].join('\n'),
      fails: ['export async function main() {', '  const x = 1;', "  throw new TypeError('boom ' + x);", '}'].join('\n'),
      nothing: 'export async function main() {}',
    });
    const result = await succeeded('dev', `${solution}.greet`, { name: 'Ada' });
    expect(result.result).toEqual({ greeting: 'hi Ada', org: 'dev', solution, trigger: 'manual' });
    expect(result.logs.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'log', message: 'hello Ada' },
      { level: 'warn', message: expect.stringContaining('nested') },
    ]);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect((await succeeded('dev', `${solution}.nothing`)).result).toBeNull();

    const failed = expectProblem(await execute('dev', `${solution}.fails`), 422, 'function_error');
    expect(failed.detail).toContain('boom 1');
    expect(failed['stack']).toMatch(/:3:\d+/);
    expect(failed['executionId']).toEqual(expect.any(String));

    // Unknown function, unknown solution, unknown org: 404; a malformed target never matches.
    expectProblem(await execute('dev', `${solution}.missing`), 404, 'not_found');
    expectProblem(await execute('dev', 'no_such_solution.greet'), 404, 'not_found');
    expectProblem(await execute('no-such-org', `${solution}.greet`), 404, 'not_found');
    expectProblem(await execute('dev', `${solution}`), 404, 'not_found');
    expectProblem(await env.request('POST', `/v1/orgs/dev/functions/${solution}.greet/execute`, { args: 1, extra: true }), 400, 'validation_failed');
  });

  it('invokeConnector after a real authorization: the same data object and the same {status, headers, body} as the HTTP invoke', async () => {
    const name = `Fn${Date.now()}`;
    const solution = await solutionWith({
      sync: [
        'export async function main(args) {',
        "  const created = await invokeConnector('acme.createcontact', { First_Name: args.first, Phone_Number: '555-0100', VARIABLES: { Last_Name: 'Lovelace', Email_ID: 'ada@example.com' } });",
        "  const listed = await invokeConnector('acme.listcontacts', {});",
        '  console.log(`created ${created.status}, listed ${listed.status}`);',
        '  return { created, listed };',
        '}',
      ].join('\n'),
    });
    const run = await succeeded('dev', `${solution}.sync`, { first: name });
    const { created, listed } = run.result as { created: { status: number; body: { id: string; First_Name: string; Last_Name: string } }; listed: { status: number; headers: Record<string, string>; body: unknown } };
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ First_Name: name, Last_Name: 'Lovelace' });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain(created.body.id);
    expect(run.logs[0]?.message).toBe('created 201, listed 200');

    const http = await env.request<{ status: number; headers: Record<string, string>; body: unknown }>('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {});
    expect(http.status).toBe(200);
    expect(listed.body).toEqual(http.body.body);
    expect(Object.keys(listed.headers).sort()).toEqual(Object.keys(http.body.headers).sort());

    // A round trip measured inside the sandbox (printed for the closing note, not asserted).
    const timing = await solutionWith({
      time: "export async function main() { const t = []; for (let i = 0; i < 10; i++) { const s = Date.now(); await invokeConnector('acme.listcontacts', {}); t.push(Date.now() - s); } return t; }",
    });
    const times = (await succeeded('dev', `${timing}.time`)).result as number[];
    console.log(`[functions ${database.name}] invokeConnector('acme.listcontacts') round trips from inside the sandbox (ms): ${times.join(', ')}`);

    // Its calls are audited as the function's.
    await env.server.flushEvents();
    const events = await env.request<EventPage>('GET', '/v1/orgs/dev/events?type=api.invoked&limit=200');
    expect(events.body.items.some((e) => e.actor.kind === 'function' && e.actor['solution'] === solution && e.actor['function'] === 'sync')).toBe(true);
  });

  it("reaches only the executing org's connections", async () => {
    const solution = await solutionWith({
      probe: [
        'export async function main() {',
        '  try {',
        "    const listed = await invokeConnector('acme.listcontacts', {});",
        '    return { status: listed.status };',
        '  } catch (error) {',
        '    return { code: error.code, message: error.message };',
        '  }',
        '}',
      ].join('\n'),
    });
    const orgA = await releaseAndInstall(solution);
    const orgB = await env.newOrg({ connectors: [] });
    expect((await env.request('POST', `/v1/orgs/${orgB}/installations`, { solution, release: '1.0.0' })).status).toBe(201);
    expect((await env.authorize(orgB)).status).toBe(200);

    // B is authorized and reaches the upstream; A is not, and its run cannot use B's (or dev's) connection.
    expect((await succeeded(orgB, `${solution}.probe`)).result).toEqual({ status: 200 });
    expect((await succeeded(orgA, `${solution}.probe`)).result).toEqual({ code: 'not_authorized', message: expect.any(String) });
    // A connector the org has not installed is not reachable either, whatever dev has.
    const other = await env.newConnector();
    const reachOther = await solutionWith({ probe: `export async function main() { try { await invokeConnector('${other}.listcontacts', {}); } catch (e) { return e.code; } }` });
    const orgC = await releaseAndInstall(reachOther);
    expect((await succeeded(orgC, `${reachOther}.probe`)).result).toBe('connector_not_installed');

    // An org key runs its own org's functions only; another org's looks like no org at all.
    const keyA = (await env.orgKey(orgA)).key;
    expect((await execute(orgA, `${solution}.probe`, undefined, { authorization: `Bearer ${keyA}` })).status).toBe(200);
    expectProblem(await execute(orgB, `${solution}.probe`, undefined, { authorization: `Bearer ${keyA}` }), 404, 'not_found');
  });

  it('a subscriber org runs the source its installed release recorded, even after the draft changes', async () => {
    const solution = await solutionWith({ version: "export async function main() { return 'v1'; }" });
    const org = await releaseAndInstall(solution);
    const draft = (await env.request<FunctionView>('GET', `/v1/solutions/${solution}/functions/version`)).body;
    const changed = await env.request('PATCH', `/v1/solutions/${solution}/functions/version`, { source: "export async function main() { return 'v2'; }", timeoutMs: 1234 });
    expect(changed.status, changed.text).toBe(200);
    const added = await env.request('POST', `/v1/solutions/${solution}/functions`, { apiName: 'later', name: 'Later', source: 'export async function main() { return 1; }' });
    expect(added.status).toBe(201);

    // The release shows what it recorded, not the changed draft: the source only in the single-release GET.
    const recorded = { function: 'version', name: 'version', timeoutMs: draft.timeoutMs, memoryMb: draft.memoryMb };
    expect(draft.timeoutMs).not.toBe(1234);
    const one = await env.request<ReleaseDetailView>('GET', `/v1/solutions/${solution}/releases/1.0.0`);
    expect(one.status, one.text).toBe(200);
    expect(one.body.functions).toEqual([{ ...recorded, source: "export async function main() { return 'v1'; }" }]);
    const listed = await env.request<{ items: ReleaseView[] }>('GET', `/v1/solutions/${solution}/releases`);
    expect(listed.body.items.map((r) => r.functions)).toEqual([[recorded]]);

    expect((await succeeded(org, `${solution}.version`)).result).toBe('v1');
    expect((await succeeded('dev', `${solution}.version`)).result).toBe('v2');
    // Not in the installed release: the subscriber does not have it.
    expectProblem(await execute(org, `${solution}.later`), 404, 'not_found');
    // An org without the solution installed does not have its functions.
    const stranger = await env.newOrg({ connectors: [] });
    expectProblem(await execute(stranger, `${solution}.version`), 404, 'not_found');

    // A new release brings the new source on upgrade.
    const cut = await env.request<ReleaseView>('POST', `/v1/solutions/${solution}/releases`, { version: '1.1.0' });
    expect(cut.status, cut.text).toBe(201);
    expect(cut.body.functions).toEqual([
      { function: 'later', name: 'Later', timeoutMs: draft.timeoutMs, memoryMb: draft.memoryMb },
      { ...recorded, timeoutMs: 1234 },
    ]);
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' })).status).toBe(200);
    expect((await succeeded(org, `${solution}.version`)).result).toBe('v2');
    expect((await succeeded(org, `${solution}.later`)).result).toBe(1);
  });

  it("enforces each function's limits: a tiny timeout, a never-resolving await, a memory cap", async () => {
    const solution = await solutionWith({
      spin: { source: 'export async function main() { while (true) {} }', timeoutMs: 200 },
      wait: { source: 'export async function main() { await new Promise(() => {}); }', timeoutMs: 200 },
      hog: { source: 'export async function main() { const keep = []; while (true) keep.push(new Array(100000).fill(keep.length)); }', memoryMb: 16 },
      calls: { source: "export async function main() { for (let i = 0; i < 51; i++) await invokeConnector('acme.listcontacts', {}); }" },
    });
    expectProblem(await execute('dev', `${solution}.spin`), 422, 'function_timeout');
    expectProblem(await execute('dev', `${solution}.wait`), 422, 'function_timeout');
    expectProblem(await execute('dev', `${solution}.hog`), 422, 'function_memory_exceeded');
    expectProblem(await execute('dev', `${solution}.calls`), 422, 'function_limit_exceeded');
    // The workers recovered: the next run works.
    const ok = await solutionWith({ ok: 'export async function main() { return 42; }' });
    expect((await succeeded('dev', `${ok}.ok`)).result).toBe(42);
  });

  it('keeps serving /health and invoke while hostile functions run (latency printed, not asserted)', async () => {
    const solution = await solutionWith({
      spin: { source: 'export async function main() { while (true) {} }', timeoutMs: 3000 },
      bomb: { source: "export async function main() { const keep = []; while (true) keep.push('x'.repeat(1 << 20) + keep.length); }", memoryMb: 32, timeoutMs: 3000 },
      recurse: { source: 'function down(n) { return down(n + 1) + 1; }\nexport async function main() { return down(0); }', timeoutMs: 3000 },
      logs: { source: "export async function main() { for (;;) console.log('x'.repeat(10000)); }", timeoutMs: 3000 },
      escape: {
        source: [
          'export async function main() {',
          '  const found = {};',
          "  try { found.process = typeof (function () {}).constructor.constructor('return process')(); } catch (e) { found.process = 'threw'; }",
          "  try { Object.prototype.polluted = 'yes'; ({}).__proto__.polluted2 = 'yes'; } catch (e) {}",
          '  found.require = typeof require; found.fetch = typeof fetch;',
          '  return found;',
          '}',
        ].join('\n'),
      },
    });
    const timed = async (fn: () => Promise<number>): Promise<{ status: number; ms: number }> => {
      const started = performance.now();
      const status = await fn();
      return { status, ms: performance.now() - started };
    };
    const health = () => timed(async () => (await fetch(`${env.server.url}/health`)).status);
    const invoke = () => timed(async () => (await env.request('POST', '/v1/orgs/dev/invoke/acme.listcontacts', {})).status);

    const baseline: number[] = [];
    for (let i = 0; i < 20; i += 1) baseline.push((await health()).ms);

    let attacking = true;
    const attacks = Promise.all([
      execute('dev', `${solution}.spin`),
      execute('dev', `${solution}.bomb`),
      execute('dev', `${solution}.recurse`),
      execute('dev', `${solution}.escape`),
      execute('dev', `${solution}.logs`),
    ]).finally(() => {
      attacking = false;
    });
    const during: Array<{ status: number; ms: number }> = [];
    const invokes: Array<{ status: number; ms: number }> = [];
    while (attacking) {
      const [h, i] = await Promise.all([health(), invoke()]);
      during.push(h);
      invokes.push(i);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [spin, bomb, recurse, escape, logs] = await attacks;
    expectProblem(logs, 422, 'function_limit_exceeded');
    expectProblem(spin, 422, 'function_timeout');
    expect(['function_memory_exceeded', 'function_timeout']).toContain((bomb.body as Problem).code);
    expect(bomb.status).toBe(422);
    expectProblem(recurse, 422, 'function_error');
    expect(escape.status, escape.text).toBe(200);
    expect(escape.body.result).toEqual({ process: 'threw', require: 'undefined', fetch: 'undefined' });
    // The pollution stayed inside that run's isolate.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const probe = await solutionWith({ check: 'export async function main() { return ({}).polluted ?? null; }' });
    expect((await succeeded('dev', `${probe}.check`)).result).toBeNull();

    expect(during.length).toBeGreaterThan(0);
    expect(during.every((r) => r.status === 200)).toBe(true);
    expect(invokes.every((r) => r.status === 200)).toBe(true);
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
      return `n=${sorted.length} p50=${at(0.5)}ms p95=${at(0.95)}ms max=${at(1)}ms`;
    };
    console.log(
      `[functions ${database.name}] server latency — /health before: ${stats(baseline)}; /health during attack: ${stats(during.map((r) => r.ms))}; invoke during attack: ${stats(invokes.map((r) => r.ms))}`,
    );
  });

  it('records every run in the org execution log, newest first, cursor-paginated, failures with their code', async () => {
    const solution = await solutionWith({
      ok: "export async function main(args) { console.info('run', args.n); return args.n; }",
      bad: "export async function main() { console.error('about to fail'); throw new Error('nope'); }",
    });
    const org = await releaseAndInstall(solution);
    await succeeded(org, `${solution}.ok`, { n: 1 });
    expectProblem(await execute(org, `${solution}.bad`), 422, 'function_error');
    await succeeded(org, `${solution}.ok`, { n: 3 });

    const first = await env.request<ExecutionPage>('GET', `/v1/orgs/${org}/executions?limit=2`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await env.request<ExecutionPage>('GET', `/v1/orgs/${org}/executions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    expect(all.map((e) => [e.function, e.status])).toEqual([
      ['ok', 'succeeded'],
      ['bad', 'failed'],
      ['ok', 'succeeded'],
    ]);
    expect(all[0]).toMatchObject({ solution, trigger: 'manual', error: null, logs: [{ level: 'info', message: 'run 3' }], logsTruncated: false, connectorCalls: 0 });
    expect(all[1]).toMatchObject({ error: { code: 'function_error', message: expect.stringContaining('nope') }, logs: [{ level: 'error', message: 'about to fail' }] });
    expect(new Set(all.map((e) => e.id)).size).toBe(3);

    // The org's key reads it; another org's key gets the answer of a missing org; a bad cursor is 400.
    const { key } = await env.orgKey(org);
    expect((await env.request('GET', `/v1/orgs/${org}/executions`, undefined, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expectProblem(await env.request('GET', '/v1/orgs/dev/executions', undefined, { headers: { authorization: `Bearer ${key}` } }), 404, 'not_found');
    expectProblem(await env.request('GET', `/v1/orgs/${org}/executions?cursor=nope!`), 400, 'validation_failed');
    expectProblem(await env.request('GET', `/v1/orgs/${org}/executions?limit=0`), 400, 'validation_failed');

    // The failure is an audit event too (webhooks deliver it).
    await env.server.flushEvents();
    const failedEvents = await env.request<EventPage>('GET', `/v1/orgs/${org}/events?type=function.failed`);
    expect(failedEvents.body.items).toHaveLength(1);
    expect(failedEvents.body.items[0]).toMatchObject({ actor: { kind: 'admin' }, data: { solution, function: 'bad', error: 'function_error', executionId: all[1]!.id } });
  });

  it('canary: no token or client secret in execution results, the execution log or the server log', async () => {
    const solution = await solutionWith({
      leak: [
        'export async function main(args, context) {',
        "  const listed = await invokeConnector('acme.listcontacts', {});",
        '  console.log(JSON.stringify(listed), JSON.stringify(context));',
        '  return { listed, context };',
        '}',
      ].join('\n'),
    });
    const org = await releaseAndInstall(solution);
    expect((await env.authorize(org)).status).toBe(200);
    await succeeded(org, `${solution}.leak`);
    await env.storedTokens(org);
    await env.storedTokens('dev');
    expect((await env.request('GET', `/v1/orgs/${org}/executions`)).status).toBe(200);
    expect((await env.request('GET', '/v1/orgs/dev/executions?limit=200')).status).toBe(200);
    expect(env.tokensSeen().length).toBeGreaterThanOrEqual(2);
    env.expectNoSecretShown();
  });
});
