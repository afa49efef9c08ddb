import type { FunctionLog } from './function-runtime.js';

/** Why a function ran: the execute route, or a connector action (On Authorization / On Revoking). */
export type ExecutionTrigger = 'manual' | 'authorized' | 'revoked';

/** One run of a function in an org, as recorded in the org's execution log. */
export interface Execution {
  /** UUIDv7 of `startedAt`, so the log's index grows at one end. */
  readonly id: string;
  readonly orgId: string;
  readonly solution: string;
  readonly function: string;
  readonly trigger: ExecutionTrigger;
  readonly status: 'succeeded' | 'failed';
  /** The failure's code (`function_error`, `function_timeout`, …), null on success. */
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** The run's console output, bounded (see `boundLogs`). */
  readonly logs: readonly FunctionLog[];
  /** Whether log entries were left out to keep the record bounded. */
  readonly logsTruncated: boolean;
  readonly durationMs: number;
  readonly connectorCalls: number;
  readonly startedAt: Date;
}
