import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSandboxPool, type InspectableSandboxPool } from './create-sandbox-pool.js';
import type { SandboxHost, SandboxLimits, SandboxOutcome } from './sandbox-types.js';

const limits: SandboxLimits = { timeoutMs: 1_000, memoryMb: 32, maxConnectorCalls: 3, maxOutputBytes: 64 * 1024 };

const calls: Array<{ target: string; data: unknown }> = [];
const host: SandboxHost = {
  async invokeConnector(target, data) {
    calls.push({ target, data });
    if (target === 'acme.missing') throw Object.assign(new Error('The org has not authorized this connector.'), { code: 'not_authorized' });
    return { status: 201, headers: { 'content-type': 'application/json' }, body: { id: 'c1', echo: data } };
  },
};

const normal = 'export async function main(args) { return { doubled: args.n * 2 }; }';

let pool: InspectableSandboxPool;

beforeAll(async () => {
  pool = createSandboxPool({ size: 2, maxMemoryMb: 64, graceMs: 500 });
  // Both workers ready before the attacks, so a normal run always has a worker of its own.
  await Promise.all([run(normal, { n: 1 }), run(normal, { n: 1 })]);
});

afterAll(async () => {
  await pool.close();
});

function run(source: string, args: unknown = {}, overrides: Partial<SandboxLimits> = {}, context: Record<string, unknown> = {}): Promise<SandboxOutcome> {
  return pool.run({ source, args, context, limits: { ...limits, ...overrides } }, host);
}

/** Runs an attack while a normal function runs on the same pool; the normal one must succeed. */
async function attack(source: string, overrides: Partial<SandboxLimits> = {}): Promise<SandboxOutcome> {
  const normalRuns = (async () => {
    const outcomes: SandboxOutcome[] = [];
    // Served by the other worker while the attack holds one.
    for (let index = 0; index < 3; index += 1) outcomes.push(await run(normal, { n: 21 }));
    return outcomes;
  })();
  const [outcome, others] = await Promise.all([run(source, {}, overrides), normalRuns]);
  for (const other of others) expect(other).toMatchObject({ ok: true, result: { doubled: 42 } });
  const after = await run(normal, { n: 5 });
  expect(after).toMatchObject({ ok: true, result: { doubled: 10 } });
  return outcome;
}

describe('sandbox pool', () => {
  it('runs main with copies of args and a frozen context, capturing logs', async () => {
    const outcome = await run(
      `export async function main(args, context) {
        console.log('hello', args.name, { n: 1 });
        console.info('info');
        console.warn('warn');
        console.error(new TypeError('bad'));
        args.name = 'changed';
        let frozen = false;
        try { context.org = 'other'; } catch { frozen = true; }
        return { greeting: 'hi ' + args.name, org: context.org, frozen, nested: Object.isFrozen(context.trigger) };
      }`,
      { name: 'ada' },
      {},
      { org: 'dev', trigger: { type: 'manual' } },
    );
    expect(outcome).toMatchObject({
      ok: true,
      result: { greeting: 'hi changed', org: 'dev', frozen: true, nested: true },
      connectorCalls: 0,
    });
    expect(outcome.logs.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'log', message: 'hello ada {"n":1}' },
      { level: 'info', message: 'info' },
      { level: 'warn', message: 'warn' },
      { level: 'error', message: 'TypeError: bad' },
    ]);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns null for an undefined result and refuses results JSON cannot carry', async () => {
    expect(await run('export async function main() {}')).toMatchObject({ ok: true, result: null });
    expect(await run('export async function main() { return 1n; }')).toMatchObject({ ok: false, error: { code: 'function_error' } });
  });

  it('relays invokeConnector to the host and counts the calls', async () => {
    calls.length = 0;
    const outcome = await run(`export async function main() {
      const created = await invokeConnector('acme.createcontact', { First_Name: 'Alfred' });
      let failure;
      try { await invokeConnector('acme.missing', {}); } catch (error) { failure = { message: error.message, code: error.code }; }
      return { created, failure };
    }`);
    expect(outcome).toMatchObject({
      ok: true,
      connectorCalls: 2,
      result: {
        created: { status: 201, headers: { 'content-type': 'application/json' }, body: { id: 'c1', echo: { First_Name: 'Alfred' } } },
        failure: { message: 'The org has not authorized this connector.', code: 'not_authorized' },
      },
    });
    expect(calls).toEqual([
      { target: 'acme.createcontact', data: { First_Name: 'Alfred' } },
      { target: 'acme.missing', data: {} },
    ]);
  });

  it('stops a run that makes more connector calls than allowed, even if it catches the error', async () => {
    const outcome = await run(`export async function main() {
      for (let i = 0; i < 10; i++) { try { await invokeConnector('acme.createcontact', { i }); } catch {} }
      return 'done';
    }`);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'function_limit_exceeded' }, connectorCalls: 3 });
  });

  it('reports syntax errors, thrown errors and imports as function_error with user-code line:column', async () => {
    expect(await run('export async function main() {\n  let x = ;\n}')).toMatchObject({
      ok: false,
      error: { code: 'function_error', message: "Unexpected token ';'", stack: "SyntaxError: Unexpected token ';'\n    at function.js:2:11" },
    });
    const thrown = await run('function helper() {\n  throw new RangeError("out of range");\n}\nexport async function main() {\n  return helper();\n}');
    expect(thrown).toMatchObject({ ok: false, error: { code: 'function_error', message: 'out of range' } });
    expect(thrown.ok === false && thrown.error.stack).toBe(
      'RangeError: out of range\n    at helper (function.js:2:9)\n    at main (function.js:5:10)',
    );
    expect(await run('import fs from "node:fs";\nexport async function main() { return fs; }')).toMatchObject({
      ok: false,
      error: { code: 'function_error', message: 'Functions cannot import modules (import of "node:fs")' },
    });
    expect(await run('export async function main() { return await import("node:fs"); }')).toMatchObject({ ok: false, error: { code: 'function_error' } });
    expect(await run('export const notMain = 1;')).toMatchObject({ ok: false, error: { code: 'function_error' } });
  });

  describe('attacks, each while other runs keep completing', () => {
    it('while(true){} → function_timeout', async () => {
      expect(await attack('export async function main() { while (true) {} }')).toMatchObject({ ok: false, error: { code: 'function_timeout' } });
    });

    it('a memory bomb → function_memory_exceeded', async () => {
      const outcome = await attack('export async function main() { const hoard = []; while (true) hoard.push(new Array(100000).fill(1.5)); }');
      expect(outcome).toMatchObject({ ok: false, error: { code: 'function_memory_exceeded' } });
    });

    it('infinite recursion → function_error (RangeError)', async () => {
      const outcome = await attack('function down(n) { return down(n + 1) + 1; }\nexport async function main() { return down(0); }');
      expect(outcome).toMatchObject({ ok: false, error: { code: 'function_error', message: 'Maximum call stack size exceeded' } });
      expect(outcome.ok === false && outcome.error.stack).toMatch(/^RangeError: Maximum call stack size exceeded\n {4}at down \(function\.js:1:\d+\)/);
    });

    it('a never-resolving await → function_timeout', async () => {
      expect(await attack('export async function main() { await new Promise(() => {}); }')).toMatchObject({ ok: false, error: { code: 'function_timeout' } });
    });

    it("constructor.constructor('return process')() reaches nothing of the host", async () => {
      const outcome = await attack("export async function main() { return constructor.constructor('return process')(); }");
      expect(outcome).toMatchObject({ ok: false, error: { code: 'function_error', message: 'process is not defined' } });
      const globals = await run(`export async function main() {
        const probe = (code) => { try { return typeof Function(code)(); } catch (error) { return error.name; } };
        return {
          viaFunction: probe('return this.process'),
          require: typeof require, process: typeof process, setTimeout: typeof setTimeout, setInterval: typeof setInterval,
          queueMicrotask: typeof queueMicrotask, fetch: typeof fetch, Buffer: typeof Buffer,
          SharedArrayBuffer: typeof SharedArrayBuffer, Atomics: typeof Atomics, WebAssembly: typeof WebAssembly,
        };
      }`);
      expect(globals).toMatchObject({
        ok: true,
        result: {
          viaFunction: 'undefined', require: 'undefined', process: 'undefined', setTimeout: 'undefined', setInterval: 'undefined',
          queueMicrotask: 'undefined', fetch: 'undefined', Buffer: 'undefined',
          SharedArrayBuffer: 'undefined', Atomics: 'undefined', WebAssembly: 'undefined',
        },
      });
    });

    it('prototype pollution stays inside its own run', async () => {
      const polluter = `export async function main() {
        Object.prototype.polluted = 'yes';
        Array.prototype.map = () => 'hijacked';
        JSON.stringify = () => '"hijacked"';
        globalThis.leftover = 1;
        return 'polluted';
      }`;
      const polluted = await attack(polluter);
      // The guest replaced JSON.stringify before returning; the runtime captured it earlier.
      expect(polluted).toMatchObject({ ok: true, result: 'polluted' });
      expect(await run(`export async function main() {
        return { polluted: ({}).polluted ?? null, map: [1].map((x) => x + 1), leftover: typeof leftover, json: JSON.stringify({ a: 1 }) };
      }`)).toMatchObject({ ok: true, result: { polluted: null, map: [2], leftover: 'undefined', json: '{"a":1}' } });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('huge logs → function_limit_exceeded, keeping the logs that fit', async () => {
      const outcome = await attack("export async function main() { for (;;) { try { console.log('x'.repeat(1000)); } catch {} } }");
      expect(outcome).toMatchObject({ ok: false, error: { code: 'function_limit_exceeded' } });
      expect(outcome.logs.length).toBe(65);
    });

    it('a huge result → function_limit_exceeded', async () => {
      expect(await attack("export async function main() { return 'x'.repeat(100000); }")).toMatchObject({
        ok: false,
        error: { code: 'function_limit_exceeded' },
      });
    });
  });

  /** A host whose `invokeConnector` signals that the guest reached it, then never answers. */
  function stallingHost(): { host: SandboxHost; reached: Promise<void> } {
    let signal: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (signal = resolve));
    return { host: { invokeConnector: () => (signal(), new Promise(() => undefined)) }, reached };
  }

  it('replaces a worker that dies during a run, and the run reports an error instead of hanging', async () => {
    const pids = pool.workerPids();
    const { host: stalling, reached } = stallingHost();
    const source = "export async function main() { await invokeConnector('acme.slow', {}); }";
    const hanging = pool.run({ source, args: {}, context: {}, limits: { ...limits, timeoutMs: 10_000 } }, stalling);
    await reached;
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    expect(await hanging).toMatchObject({ ok: false, error: { code: 'function_memory_exceeded' } });
    // The idle worker's death is noticed when its exit event arrives, which may be after the
    // busy one's: wait for both to be replaced before the next run is handed out.
    await vi.waitFor(() => expect(pool.workerPids().filter((pid) => pids.includes(pid))).toEqual([]));
    expect(await run(normal, { n: 2 })).toMatchObject({ ok: true, result: { doubled: 4 } });
    const replaced = pool.workerPids();
    expect(replaced).toHaveLength(2);
    expect(replaced.filter((pid) => pids.includes(pid))).toEqual([]);
  });

  it('kills a worker that stops answering at the parent deadline → function_timeout', async () => {
    const { host: stalling, reached } = stallingHost();
    const source = "export async function main() { await invokeConnector('acme.slow', {}); }";
    const hanging = pool.run({ source, args: {}, context: {}, limits: { ...limits, timeoutMs: 500 } }, stalling);
    await reached;
    // A stopped process answers nothing, not even its own timer: only the parent's deadline
    // (timeout + grace) ends the run.
    const stopped = pool.workerPids();
    for (const pid of stopped) process.kill(pid, 'SIGSTOP');
    const outcome = await hanging;
    for (const pid of pool.workerPids().filter((each) => stopped.includes(each))) process.kill(pid, 'SIGCONT');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'function_timeout' } });
    expect(await run(normal, { n: 3 })).toMatchObject({ ok: true, result: { doubled: 6 } });
    expect(await run(normal, { n: 4 })).toMatchObject({ ok: true, result: { doubled: 8 } });
  });
});
