/**
 * The port to the sandbox that runs functions (implemented by `@switchboard/sandbox`'s pool; the
 * core does no I/O and does not depend on it). Shapes match the sandbox's exports structurally.
 */

export interface FunctionLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly maxConnectorCalls: number;
  /** Logs and result together, as UTF-8 JSON. */
  readonly maxOutputBytes: number;
}

export interface FunctionLog {
  readonly level: 'log' | 'info' | 'warn' | 'error';
  readonly message: string;
  /** Milliseconds since the run started. */
  readonly at: number;
}

/** What a function reaches outside the sandbox: only connectors, for the executing org. */
export interface FunctionHost {
  invokeConnector(target: string, data: unknown): Promise<{ status: number; headers: Record<string, string>; body: unknown }>;
}

export type FunctionErrorCode = 'function_error' | 'function_timeout' | 'function_memory_exceeded' | 'function_limit_exceeded';

export type FunctionOutcome =
  | { readonly ok: true; readonly result: unknown; readonly logs: readonly FunctionLog[]; readonly durationMs: number; readonly connectorCalls: number }
  | {
      readonly ok: false;
      readonly error: { readonly code: FunctionErrorCode; readonly message: string; readonly stack?: string | undefined };
      readonly logs: readonly FunctionLog[];
      readonly durationMs: number;
      readonly connectorCalls: number;
    };

export interface FunctionRuntime {
  run(
    input: { source: string; args: unknown; context: Record<string, unknown>; limits: FunctionLimits },
    host: FunctionHost,
  ): Promise<FunctionOutcome>;
}

/** A syntax check without running anything (the sandbox's `checkFunctionSource`). */
export type FunctionSourceCheck = (source: string) => { ok: true } | { ok: false; message: string; line: number; column: number };
