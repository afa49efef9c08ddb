import type { ExecutionView, FunctionView } from '@switchboard/contracts';
import type { Solution } from '../solutions/solution.js';
import type { Execution } from './execution.js';
import type { SolutionFunction } from './solution-function.js';

export function toFunctionView(solution: Solution, fn: SolutionFunction): FunctionView {
  return {
    id: fn.id,
    solution: solution.apiName,
    apiName: fn.apiName,
    name: fn.name,
    source: fn.source,
    timeoutMs: fn.timeoutMs,
    memoryMb: fn.memoryMb,
    createdAt: fn.createdAt.toISOString(),
    updatedAt: fn.updatedAt.toISOString(),
  };
}

export function toExecutionView(execution: Execution): ExecutionView {
  return {
    id: execution.id,
    solution: execution.solution,
    function: execution.function,
    trigger: execution.trigger,
    status: execution.status,
    error: execution.errorCode === null ? null : { code: execution.errorCode, message: execution.errorMessage ?? '' },
    logs: execution.logs.map((log) => ({ level: log.level, message: log.message, at: log.at })),
    logsTruncated: execution.logsTruncated,
    durationMs: execution.durationMs,
    connectorCalls: execution.connectorCalls,
    startedAt: execution.startedAt.toISOString(),
  };
}
