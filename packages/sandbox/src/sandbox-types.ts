/**
 * The sandbox's public types (issue 4, agreed interface). A function is an ES2022 module that
 * exports `async function main(args, context)`; it runs in a fresh V8 isolate inside a child
 * process and sees only `console`, `invokeConnector(target, data)` and its two arguments.
 */

/** Per-run limits; the caller applies its defaults and server-wide caps before a run. */
export interface SandboxLimits {
  /** Wall clock from the start of the run (compile included) until `main` has settled. */
  timeoutMs: number;
  /** V8 heap of the run's isolate (isolated-vm's `memoryLimit`, at least 8). */
  memoryMb: number;
  /** `invokeConnector` calls allowed in one run; one more stops it with `function_limit_exceeded`. */
  maxConnectorCalls: number;
  /** UTF-8 bytes of every log message plus the JSON of the result. */
  maxOutputBytes: number;
}

export type SandboxLogLevel = 'log' | 'info' | 'warn' | 'error';

export type SandboxLog = { level: SandboxLogLevel; message: string; at: number /* ms since run start */ };

/** The answer of an HTTP invoke, as the guest's `invokeConnector` resolves with it. */
export interface SandboxConnectorResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Runs in the server process: the pool relays every guest `invokeConnector` call here over IPC.
 * Arguments and results cross as JSON copies. A rejection reaches the guest as a thrown `Error`
 * with the same `message` (and `code` when the error has a string `code`): keep both free of
 * secrets.
 */
export interface SandboxHost {
  invokeConnector(target: string, data: unknown): Promise<SandboxConnectorResponse>;
}

export type SandboxErrorCode = 'function_error' | 'function_timeout' | 'function_memory_exceeded' | 'function_limit_exceeded';

export interface SandboxError {
  code: SandboxErrorCode;
  message: string;
  /** `Name: message` followed by the user-code frames only (`at main (function.js:3:9)`). */
  stack?: string;
}

export type SandboxOutcome =
  | { ok: true; result: unknown; logs: SandboxLog[]; durationMs: number; connectorCalls: number }
  | { ok: false; error: SandboxError; logs: SandboxLog[]; durationMs: number; connectorCalls: number };

export interface SandboxRunInput {
  /** An ES2022 module exporting `async function main(args, context)`; no imports. */
  source: string;
  /** JSON-safe; the guest gets a copy as the first argument of `main`. */
  args: unknown;
  /** JSON-safe; the guest gets a deep-frozen copy as the second argument of `main`. */
  context: Record<string, unknown>;
  limits: SandboxLimits;
}

export interface SandboxPool {
  /**
   * Runs one function. Resolves with the outcome, including every failure of the guest (and of
   * the child process running it); rejects only when the pool is closed or its workers cannot
   * start at all.
   */
  run(input: SandboxRunInput, host: SandboxHost): Promise<SandboxOutcome>;
  /** Stops every worker; runs still queued or in flight reject. */
  close(): Promise<void>;
}

export interface SandboxPoolLogger {
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

export interface SandboxPoolOptions {
  /** Worker processes; each runs one function at a time, further runs queue. */
  size: number;
  /** Server-wide cap on a run's `memoryMb` (default 128): larger requests are lowered to it. */
  maxMemoryMb?: number;
  logger?: SandboxPoolLogger;
  /**
   * Extra time the parent grants a run beyond `timeoutMs` before it kills the worker that has not
   * answered (default 2000).
   */
  graceMs?: number;
}
