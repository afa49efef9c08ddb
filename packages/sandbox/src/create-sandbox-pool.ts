import type { ChildProcess } from 'node:child_process';
import { forkWorker } from './fork-worker.js';
import { isChildMessage, type ChildMessage, type InvokeReply, type ParentMessage } from './protocol.js';
import type { SandboxHost, SandboxOutcome, SandboxPool, SandboxPoolOptions, SandboxRunInput } from './sandbox-types.js';

/** The pool, plus what operations and tests may inspect. */
export interface InspectableSandboxPool extends SandboxPool {
  /** Process ids of the live worker processes. */
  workerPids(): number[];
}

interface PendingRun {
  input: SandboxRunInput;
  host: SandboxHost;
  resolve: (outcome: SandboxOutcome) => void;
  reject: (error: Error) => void;
}

interface ActiveRun extends PendingRun {
  runId: number;
  startedAt: number;
  deadline: NodeJS.Timeout;
  /** Set when the parent's own deadline killed the worker: the run reports a timeout. */
  killedAtDeadline: boolean;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  run: ActiveRun | undefined;
  stderrTail: string;
}

const noLogger = { warn: () => undefined, error: () => undefined };
const maxStartFailures = 3;

/**
 * A pool of worker processes running functions in isolated-vm isolates (see DESIGN.md, Sandbox):
 * an isolate that runs out of memory can still take its process down, so isolates never run in
 * the server process. Each worker runs one function at a time; more runs queue. A worker that
 * dies is replaced, and its run reports an error instead of hanging: besides the worker's own
 * wall-clock timer, the pool kills a worker that has not answered `graceMs` after the timeout.
 */
export function createSandboxPool(options: SandboxPoolOptions): InspectableSandboxPool {
  const size = Math.max(1, Math.floor(options.size));
  const maxMemoryMb = Math.max(8, options.maxMemoryMb ?? 128);
  const graceMs = options.graceMs ?? 2_000;
  const logger = options.logger ?? noLogger;
  const workers = new Set<Worker>();
  const queue: PendingRun[] = [];
  let closed = false;
  let nextRunId = 0;
  let startFailures = 0;
  let respawnTimer: NodeJS.Timeout | undefined;

  const send = (worker: Worker, message: ParentMessage): void => {
    if (worker.child.connected) worker.child.send(message, () => undefined);
  };

  const spawn = (): void => {
    const worker: Worker = { child: forkWorker(), ready: false, run: undefined, stderrTail: '' };
    workers.add(worker);
    worker.child.stderr?.setEncoding('utf8');
    worker.child.stderr?.on('data', (chunk: string) => {
      worker.stderrTail = (worker.stderrTail + chunk).slice(-2_000);
    });
    worker.child.on('message', (message: unknown) => {
      if (isChildMessage(message)) onMessage(worker, message);
    });
    worker.child.on('error', (error) => logger.error({ err: error.message, pid: worker.child.pid }, 'sandbox worker error'));
    worker.child.once('exit', (code, signal) => onExit(worker, code, signal));
  };

  const onMessage = (worker: Worker, message: ChildMessage): void => {
    switch (message.type) {
      case 'ready':
        worker.ready = true;
        startFailures = 0;
        dispatch();
        return;
      case 'invoke': {
        const run = worker.run;
        if (run === undefined || run.runId !== message.runId) return;
        void relayInvoke(run.host, message.target, message.dataJson).then((reply) =>
          send(worker, { type: 'invoke-result', runId: message.runId, callId: message.callId, reply }),
        );
        return;
      }
      case 'done': {
        const run = worker.run;
        if (run === undefined || run.runId !== message.runId) return;
        clearTimeout(run.deadline);
        worker.run = undefined;
        run.resolve(message.outcome);
        dispatch();
        return;
      }
    }
  };

  const onExit = (worker: Worker, code: number | null, signal: NodeJS.Signals | null): void => {
    workers.delete(worker);
    const run = worker.run;
    worker.run = undefined;
    if (run !== undefined) clearTimeout(run.deadline);
    if (closed) {
      run?.reject(new Error('The sandbox pool was closed'));
      return;
    }
    if (run !== undefined) {
      const durationMs = Math.round(performance.now() - run.startedAt);
      const error = run.killedAtDeadline
        ? { code: 'function_timeout' as const, message: `The function did not finish within ${run.input.limits.timeoutMs} ms` }
        : { code: 'function_memory_exceeded' as const, message: 'The sandbox process running the function ended (out of memory)' };
      if (!run.killedAtDeadline) logger.warn({ pid: worker.child.pid, code, signal, stderr: worker.stderrTail }, 'sandbox worker died during a run; replacing it');
      run.resolve({ ok: false, error, logs: [], durationMs, connectorCalls: 0 });
    }
    if (!worker.ready) {
      startFailures += 1;
      logger.error({ pid: worker.child.pid, code, signal, stderr: worker.stderrTail }, 'sandbox worker failed to start');
      if (startFailures >= maxStartFailures) {
        for (const pending of queue.splice(0)) pending.reject(new Error(`Sandbox workers fail to start: ${worker.stderrTail.trim() || `exit ${code ?? signal}`}`));
      }
      // Back off so a worker that cannot start does not become a fork loop.
      respawnTimer = setTimeout(spawn, Math.min(100 * 2 ** startFailures, 5_000));
      return;
    }
    if (run === undefined) logger.warn({ pid: worker.child.pid, code, signal }, 'sandbox worker exited; replacing it');
    spawn();
    dispatch();
  };

  const dispatch = (): void => {
    for (const worker of workers) {
      if (queue.length === 0) return;
      if (!worker.ready || worker.run !== undefined || !worker.child.connected) continue;
      const pending = queue.shift();
      if (pending === undefined) return;
      start(worker, pending);
    }
  };

  const start = (worker: Worker, pending: PendingRun): void => {
    nextRunId += 1;
    const { limits } = pending.input;
    const run: ActiveRun = {
      ...pending,
      runId: nextRunId,
      startedAt: performance.now(),
      killedAtDeadline: false,
      deadline: setTimeout(() => {
        run.killedAtDeadline = true;
        logger.warn({ pid: worker.child.pid, timeoutMs: limits.timeoutMs }, 'sandbox worker missed the deadline of a run; killing it');
        worker.child.kill('SIGKILL');
      }, limits.timeoutMs + graceMs),
    };
    worker.run = run;
    send(worker, {
      type: 'run',
      runId: run.runId,
      source: pending.input.source,
      argsJson: JSON.stringify(pending.input.args ?? null),
      contextJson: JSON.stringify(pending.input.context),
      limits: { ...limits, memoryMb: Math.min(Math.max(8, limits.memoryMb), maxMemoryMb) },
    });
  };

  for (let index = 0; index < size; index += 1) spawn();

  return {
    workerPids: () => [...workers].flatMap((worker) => (worker.child.pid === undefined ? [] : [worker.child.pid])),
    run(input, host) {
      if (closed) return Promise.reject(new Error('The sandbox pool is closed'));
      // Fail here, not in the worker, when the caller hands over values JSON cannot carry.
      JSON.stringify(input.args ?? null);
      JSON.stringify(input.context);
      return new Promise<SandboxOutcome>((resolve, reject) => {
        queue.push({ input, host, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      clearTimeout(respawnTimer);
      for (const pending of queue.splice(0)) pending.reject(new Error('The sandbox pool was closed'));
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
              worker.child.once('exit', () => resolve());
              worker.child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}

/** Calls the host for one guest `invokeConnector`; every failure becomes a reply the guest throws. */
async function relayInvoke(host: SandboxHost, target: string, dataJson: string): Promise<InvokeReply> {
  try {
    const response = await host.invokeConnector(target, JSON.parse(dataJson) as unknown);
    return { ok: true, valueJson: JSON.stringify(response) ?? 'null' };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invokeConnector failed';
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? { ok: false, message, code } : { ok: false, message };
  }
}
