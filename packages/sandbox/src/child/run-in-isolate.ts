import ivm from 'isolated-vm';
import type { InvokeReply } from '../protocol.js';
import type { SandboxError, SandboxLimits, SandboxLog, SandboxLogLevel, SandboxOutcome } from '../sandbox-types.js';
import { capMessage, compileErrorLocation, userFileName, userStack } from '../user-stack.js';
import { guestRuntime, guestRuntimeFileName } from './guest-runtime.js';

export interface IsolateRunRequest {
  source: string;
  argsJson: string;
  contextJson: string;
  limits: SandboxLimits;
}

/** Relays one guest `invokeConnector` call to the server; never rejects. */
export type InvokeRelay = (target: string, dataJson: string) => Promise<InvokeReply>;

const levels: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error']);
const isLevel = (value: unknown): value is SandboxLogLevel => typeof value === 'string' && levels.has(value);

/**
 * Runs one function in a fresh isolate with a fresh context and disposes both afterwards, so
 * nothing a run does (globals, prototype changes, pending promises) survives it.
 *
 * isolated-vm's own `timeout` only covers synchronous execution, not a guest awaiting a host
 * promise, so a wall-clock timer disposes the isolate instead: that ends a busy loop as well as a
 * never-settling await. An isolate that outgrows `memoryLimit` is disposed by isolated-vm.
 */
export async function runInIsolate(request: IsolateRunRequest, relay: InvokeRelay): Promise<SandboxOutcome> {
  const { limits } = request;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const logs: SandboxLog[] = [];
  let outputBytes = 0;
  let connectorCalls = 0;
  let stopped: SandboxError | undefined;

  const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, limits.memoryMb) });
  let signalStop: () => void = () => undefined;
  const stoppedSignal = new Promise<void>((resolve) => (signalStop = resolve));
  const dispose = (): void => {
    if (!isolate.isDisposed) isolate.dispose();
  };
  const stop = (error: SandboxError): void => {
    if (stopped !== undefined) return;
    stopped = error;
    // Deferred: `stop` may run inside a callback the isolate is blocked on.
    setImmediate(dispose);
    signalStop();
  };
  const timer = setTimeout(
    () => stop({ code: 'function_timeout', message: `The function did not finish within ${limits.timeoutMs} ms` }),
    limits.timeoutMs,
  );
  const outputExceeded = (): SandboxError => ({
    code: 'function_limit_exceeded',
    message: `The function's logs and result exceeded ${limits.maxOutputBytes} bytes`,
  });

  const log = new ivm.Callback((level: unknown, message: unknown): void => {
    if (stopped !== undefined) throw new Error('The run has been stopped');
    if (!isLevel(level) || typeof message !== 'string') return;
    outputBytes += Buffer.byteLength(message, 'utf8');
    if (outputBytes > limits.maxOutputBytes) {
      stop(outputExceeded());
      throw new Error('Output limit exceeded');
    }
    logs.push({ level, message, at: elapsed() });
  });

  const invoke = new ivm.Reference(async (target: unknown, dataJson: unknown): Promise<string> => {
    if (stopped !== undefined) return JSON.stringify({ ok: false, message: 'The run has been stopped' } satisfies InvokeReply);
    if (typeof target !== 'string' || typeof dataJson !== 'string') {
      return JSON.stringify({ ok: false, message: 'invokeConnector(target, data) expects a string target' } satisfies InvokeReply);
    }
    if (connectorCalls >= limits.maxConnectorCalls) {
      stop({ code: 'function_limit_exceeded', message: `The function made more than ${limits.maxConnectorCalls} connector calls` });
      return JSON.stringify({ ok: false, message: 'Connector call limit exceeded', code: 'function_limit_exceeded' } satisfies InvokeReply);
    }
    connectorCalls += 1;
    return JSON.stringify(await relay(target, dataJson));
  });

  const execute = async (): Promise<{ ok: true; result: unknown } | { ok: false; error: SandboxError }> => {
    let module: ivm.Module;
    try {
      module = await isolate.compileModule(request.source, { filename: userFileName });
    } catch (error) {
      return { ok: false, error: compileFailure(error) };
    }
    const context = await isolate.createContext();
    const runtime = await isolate.compileScript(guestRuntime, { filename: guestRuntimeFileName });
    const factory = (await runtime.run(context, { reference: true })) as ivm.Reference;
    const run = (await factory.apply(undefined, [log, invoke, request.argsJson, request.contextJson], {
      result: { reference: true },
    })) as ivm.Reference;
    try {
      await module.instantiate(context, (specifier) => {
        throw new Error(`Functions cannot import modules (import of "${specifier}")`);
      });
      await module.evaluate();
    } catch (error) {
      if (isolate.isDisposed) throw error;
      return { ok: false, error: guestFailure(error) };
    }
    const answer: unknown = await run.apply(undefined, [module.namespace.derefInto()], { result: { promise: true } });
    if (typeof answer !== 'string') throw new Error('The sandbox runtime answered with a non-string');
    if (answer.startsWith('E')) return { ok: false, error: reportedFailure(answer.slice(1)) };
    const json = answer.slice(1);
    outputBytes += Buffer.byteLength(json, 'utf8');
    if (outputBytes > limits.maxOutputBytes) return { ok: false, error: outputExceeded() };
    return { ok: true, result: JSON.parse(json) };
  };

  let settled: { ok: true; result: unknown } | { ok: false; error: SandboxError } | undefined;
  try {
    settled = await Promise.race([execute(), stoppedSignal.then(() => undefined)]);
  } catch (error) {
    settled = stopped === undefined ? { ok: false, error: abortedFailure(error, isolate.isDisposed) } : undefined;
  } finally {
    clearTimeout(timer);
    dispose();
    invoke.release();
  }
  // A stop (timeout, a limit) wins over whatever the guest did afterwards, e.g. catching the error.
  const outcome = stopped !== undefined ? { ok: false as const, error: stopped } : (settled ?? { ok: false as const, error: abortedFailure(undefined, true) });
  return { ...outcome, logs, durationMs: elapsed(), connectorCalls };
}

function compileFailure(error: unknown): SandboxError {
  const message = error instanceof Error ? error.message : String(error);
  const located = compileErrorLocation(message);
  if (located === undefined) return { code: 'function_error', message: capMessage(message) };
  return {
    code: 'function_error',
    message: capMessage(located.message),
    stack: `SyntaxError: ${capMessage(located.message)}\n    at ${userFileName}:${located.line}:${located.column}`,
  };
}

/** An error thrown while linking or evaluating the module, copied out of the isolate. */
function guestFailure(error: unknown): SandboxError {
  if (!(error instanceof Error)) return { code: 'function_error', message: capMessage(String(error)) };
  return { code: 'function_error', message: capMessage(error.message), stack: userStack(error.name, error.message, error.stack ?? '') };
}

/** The `{name, message, stack}` the guest runtime caught around `main`. */
function reportedFailure(json: string): SandboxError {
  const parsed: unknown = JSON.parse(json);
  const field = (key: string): string => {
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : '';
  };
  const name = field('name') || 'Error';
  const message = field('message');
  return { code: 'function_error', message: capMessage(message), stack: userStack(name, message, field('stack')) };
}

/** The isolate went away under the run without a stop of ours: isolated-vm hit the memory limit. */
function abortedFailure(error: unknown, disposed: boolean): SandboxError {
  const message = error instanceof Error ? error.message : '';
  if (disposed || message.includes('memory limit')) {
    return { code: 'function_memory_exceeded', message: 'The function exceeded its memory limit' };
  }
  return { code: 'function_error', message: capMessage(message || 'The function failed') };
}
