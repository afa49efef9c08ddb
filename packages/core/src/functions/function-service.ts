import { randomUUID } from 'node:crypto';
import type { CreateFunctionInput, FunctionView, UpdateFunctionInput } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import type { FunctionPatch } from '../ports/store.js';
import { requireSolution } from '../solutions/require-solution.js';
import type { Solution } from '../solutions/solution.js';
import { SwitchboardError } from '../switchboard-error.js';
import { defaultFunctionLimits, type FunctionCaps } from './function-limits.js';
import type { FunctionSourceCheck } from './function-runtime.js';
import type { SolutionFunction } from './solution-function.js';
import { toFunctionView } from './function-view.js';

export interface FunctionServiceOptions {
  /** The sandbox's syntax check (parses, never runs). */
  readonly checkSource: FunctionSourceCheck;
  readonly caps: FunctionCaps;
}

interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

const invalid = (errors: FieldError[]) => new SwitchboardError('validation_failed', 'The request body is invalid.', { details: { errors } });

/** A solution's functions (drafts): syntax-checked at save, limits within the server's caps. */
export function createFunctionService(deps: Pick<CoreDeps, 'store' | 'clock'>, options: FunctionServiceOptions) {
  const { store, clock } = deps;
  const { caps } = options;

  /** A syntax error is reported at save time with its position, so the builder sees it before any run. */
  const checkSource = (source: string): void => {
    const checked = options.checkSource(source);
    if (!checked.ok) throw invalid([{ path: 'body.source', message: checked.message, line: checked.line, column: checked.column }]);
  };

  const checkLimits = (input: { timeoutMs?: number | null | undefined; memoryMb?: number | null | undefined }): void => {
    const errors: FieldError[] = [];
    if (typeof input.timeoutMs === 'number' && input.timeoutMs > caps.maxTimeoutMs) {
      errors.push({ path: 'body.timeoutMs', message: `must be at most ${caps.maxTimeoutMs} (this server's SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS)` });
    }
    if (typeof input.memoryMb === 'number' && input.memoryMb > caps.maxMemoryMb) {
      errors.push({ path: 'body.memoryMb', message: `must be at most ${caps.maxMemoryMb} (this server's SWITCHBOARD_FUNCTION_MAX_MEMORY_MB)` });
    }
    if (errors.length > 0) throw invalid(errors);
  };

  // Defaults never exceed a server whose caps are below them.
  const defaultTimeoutMs = () => Math.min(defaultFunctionLimits.timeoutMs, caps.maxTimeoutMs);
  const defaultMemoryMb = () => Math.min(defaultFunctionLimits.memoryMb, caps.maxMemoryMb);

  const notFound = (solution: Solution, apiName: string) =>
    new SwitchboardError('not_found', `Function '${solution.apiName}.${apiName}' does not exist.`, { details: { function: `${solution.apiName}.${apiName}` } });

  const requireFunction = async (solution: Solution, apiName: string): Promise<SolutionFunction> => {
    const fn = await store.functions.get(solution.id, apiName);
    if (!fn) throw notFound(solution, apiName);
    return fn;
  };

  return {
    async create(solutionApiName: string, input: CreateFunctionInput): Promise<FunctionView> {
      const solution = await requireSolution(store, solutionApiName);
      checkLimits(input);
      checkSource(input.source);
      if (await store.functions.get(solution.id, input.apiName)) {
        throw new SwitchboardError('conflict', `Solution '${solutionApiName}' already has a function '${input.apiName}'.`, {
          details: { solution: solutionApiName, function: input.apiName },
        });
      }
      const now = clock.now();
      const fn: SolutionFunction = {
        id: randomUUID(),
        solutionId: solution.id,
        apiName: input.apiName,
        name: input.name,
        source: input.source,
        timeoutMs: input.timeoutMs ?? defaultTimeoutMs(),
        memoryMb: input.memoryMb ?? defaultMemoryMb(),
        createdAt: now,
        updatedAt: now,
      };
      await store.functions.insert(fn);
      return toFunctionView(solution, fn);
    },

    async list(solutionApiName: string): Promise<FunctionView[]> {
      const solution = await requireSolution(store, solutionApiName);
      return (await store.functions.list(solution.id)).map((fn) => toFunctionView(solution, fn));
    },

    async get(solutionApiName: string, apiName: string): Promise<FunctionView> {
      const solution = await requireSolution(store, solutionApiName);
      return toFunctionView(solution, await requireFunction(solution, apiName));
    },

    /** Changes the draft only: releases keep the source they recorded. */
    async update(solutionApiName: string, apiName: string, input: UpdateFunctionInput): Promise<FunctionView> {
      const solution = await requireSolution(store, solutionApiName);
      await requireFunction(solution, apiName);
      checkLimits(input);
      if (input.source !== undefined) checkSource(input.source);
      const patch: FunctionPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.source !== undefined) patch.source = input.source;
      if (input.timeoutMs !== undefined) patch.timeoutMs = input.timeoutMs ?? defaultTimeoutMs();
      if (input.memoryMb !== undefined) patch.memoryMb = input.memoryMb ?? defaultMemoryMb();
      const updated = await store.functions.update(solution.id, apiName, patch, clock.now());
      if (!updated) throw notFound(solution, apiName);
      return toFunctionView(solution, updated);
    },

    async delete(solutionApiName: string, apiName: string): Promise<void> {
      const solution = await requireSolution(store, solutionApiName);
      if (!(await store.functions.delete(solution.id, apiName))) throw notFound(solution, apiName);
    },
  };
}

export type FunctionService = ReturnType<typeof createFunctionService>;
