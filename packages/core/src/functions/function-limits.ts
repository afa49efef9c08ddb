/** Limits of one run when a function names none (the defaults). */
export const defaultFunctionLimits = Object.freeze({
  timeoutMs: 10_000,
  memoryMb: 64,
  maxConnectorCalls: 50,
  maxOutputBytes: 1024 * 1024,
});

/** Server-wide ceilings on what a function may ask for (SWITCHBOARD_FUNCTION_MAX_*). */
export interface FunctionCaps {
  readonly maxTimeoutMs: number;
  readonly maxMemoryMb: number;
}

/** The smallest heap isolated-vm accepts (its `memoryLimit` minimum). */
export const minFunctionMemoryMb = 8;
/** Below this a timer cannot tell a slow start from a hostile loop. */
export const minFunctionTimeoutMs = 10;
