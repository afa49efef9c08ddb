import { defaultExecutionPageSize, invokeDataSchema, maxExecutionPageSize, type ExecutionPage, type ExecutionResultView } from '@switchboard/contracts';
import type { Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import { decodeEventCursor, encodeEventCursor } from '../events/event-cursor.js';
import { newEvent } from '../events/new-event.js';
import type { InvokeService } from '../invoke/invoke-api.js';
import type { InvokeResult } from '../invoke/map-upstream-response.js';
import { normalizeInvokeData } from '../invoke/normalize-invoke-data.js';
import { DEV_ORG_ID } from '../orgs/org.js';
import { orgNotFound, requireOrg } from '../orgs/require-org.js';
import { uuidV7 } from '../security/uuid-v7.js';
import { isSwitchboardError, SwitchboardError } from '../switchboard-error.js';
import { boundLogs, maxStoredErrorLength } from './bound-logs.js';
import type { Execution, ExecutionTrigger } from './execution.js';
import { defaultFunctionLimits, type FunctionCaps } from './function-limits.js';
import type { FunctionHost, FunctionLimits, FunctionOutcome, FunctionRuntime } from './function-runtime.js';
import { toExecutionView } from './function-view.js';

export interface FunctionExecutionOptions {
  readonly runtime: FunctionRuntime;
  /** The same engine as `POST /v1/orgs/{org}/invoke/…`: `invokeConnector` is that route, in process. */
  readonly invoke: InvokeService;
  readonly caps: FunctionCaps;
}

export interface ExecuteFunctionRequest {
  readonly orgId: string;
  readonly solution: string;
  readonly function: string;
  readonly args: unknown;
  readonly trigger: ExecutionTrigger;
  /**
   * Run the function as recorded in this release of the solution rather than the org's installed
   * one (subscriber orgs only): a connector action runs what the org had when its event happened,
   * also after an uninstall.
   */
  readonly releaseId?: string | undefined;
  /** Who asked for the run (recorded on `function.failed`); the run's own calls act as the function. */
  readonly actor: Actor;
}

export interface ListExecutionsInput {
  readonly orgId: string;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

/** What the run's code is: the draft (org `dev`) or the installed release's copy. */
interface RunnableFunction {
  readonly source: string;
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

/**
 * The error a function sees when `invokeConnector` fails: an `Error` with the `code` and message
 * the HTTP invoke route would answer with (they never hold a secret; the sandbox passes both
 * into the guest). Anything else is an internal error whose message is not passed on.
 */
function hostError(error: unknown): Error {
  if (isSwitchboardError(error)) return Object.assign(new Error(error.message), { code: error.code });
  return Object.assign(new Error('The connector call failed unexpectedly.'), { code: 'internal_error' });
}

/** Running a solution's functions for an org, and the org's execution log. */
export function createFunctionExecutionService(deps: CoreDeps, options: FunctionExecutionOptions) {
  const { store, clock } = deps;
  const { runtime, invoke, caps } = options;

  /**
   * `dev` runs the draft; every other org the function as recorded in the release it has
   * installed. A solution that does not exist, is not installed, or has no such function all
   * answer the same `not_found`, so an org learns nothing about solutions it does not have.
   */
  const resolve = async (orgId: string, solutionApiName: string, functionApiName: string, releaseId?: string): Promise<RunnableFunction> => {
    const notFound = () =>
      new SwitchboardError('not_found', `Function '${solutionApiName}.${functionApiName}' does not exist in org '${orgId}'.`, {
        details: { function: `${solutionApiName}.${functionApiName}` },
      });
    const org = await store.orgs.get(orgId);
    if (!org) throw orgNotFound(orgId);
    const solution = await store.solutions.getByApiName(solutionApiName);
    if (!solution) throw notFound();
    if (orgId === DEV_ORG_ID) {
      const draft = await store.functions.get(solution.id, functionApiName);
      if (!draft) throw notFound();
      return draft;
    }
    if (releaseId !== undefined) {
      const release = await store.releases.getById(releaseId);
      if (release?.solutionId !== solution.id) throw notFound();
      const recorded = await store.releaseFunctions.get(releaseId, functionApiName);
      if (!recorded) throw notFound();
      return recorded;
    }
    const installation = await store.installations.get(orgId, solution.id);
    if (!installation) throw notFound();
    const released = await store.releaseFunctions.get(installation.releaseId, functionApiName);
    if (!released) throw notFound();
    return released;
  };

  /** `invokeConnector(target, data)`: only the executing org's connections, the HTTP route's checks. */
  const hostFor = (request: ExecuteFunctionRequest): FunctionHost => ({
    async invokeConnector(target: string, data: unknown): Promise<InvokeResult> {
      try {
        const dot = typeof target === 'string' ? target.indexOf('.') : -1;
        if (dot <= 0 || dot === target.length - 1) {
          throw new SwitchboardError('not_found', 'invokeConnector takes `<connector>.<api>`, e.g. `acme.listcontacts`.');
        }
        const parsed = invokeDataSchema.safeParse(data ?? {});
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          throw new SwitchboardError('validation_failed', `The data object is invalid${first ? ` at ${['data', ...first.path.map(String)].join('.')}: ${first.message}` : ''}.`);
        }
        return await invoke.invoke({
          orgId: request.orgId,
          connectorApiName: target.slice(0, dot),
          apiName: target.slice(dot + 1),
          data: normalizeInvokeData(parsed.data),
          actor: { kind: 'function', solution: request.solution, function: request.function },
        });
      } catch (error) {
        throw hostError(error);
      }
    },
  });

  const record = async (request: ExecuteFunctionRequest, id: string, startedAt: Date, outcome: FunctionOutcome): Promise<void> => {
    const logs = boundLogs(outcome.logs);
    const execution: Execution = {
      id,
      orgId: request.orgId,
      solution: request.solution,
      function: request.function,
      trigger: request.trigger,
      status: outcome.ok ? 'succeeded' : 'failed',
      errorCode: outcome.ok ? null : outcome.error.code,
      errorMessage: outcome.ok ? null : outcome.error.message.slice(0, maxStoredErrorLength),
      logs: logs.logs,
      logsTruncated: logs.truncated,
      durationMs: Math.round(outcome.durationMs),
      connectorCalls: outcome.connectorCalls,
      startedAt,
    };
    await store.executions.insert(execution);
    if (!outcome.ok) {
      deps.events.record(
        newEvent(deps, {
          orgId: request.orgId,
          type: 'function.failed',
          connector: null,
          actor: request.actor,
          at: startedAt,
          data: { solution: request.solution, function: request.function, executionId: id, trigger: request.trigger, error: outcome.error.code },
        }),
      );
    }
  };

  return {
    /**
     * Run once and record the run. A failed run is recorded, then thrown as its problem
     * (`function_error` with the message and the user-code stack, `function_timeout`, …).
     */
    async execute(request: ExecuteFunctionRequest): Promise<ExecutionResultView> {
      const fn = await resolve(request.orgId, request.solution, request.function, request.releaseId);
      // A cap lowered after the function was saved applies at once.
      const limits: FunctionLimits = {
        timeoutMs: Math.min(fn.timeoutMs, caps.maxTimeoutMs),
        memoryMb: Math.min(fn.memoryMb, caps.maxMemoryMb),
        maxConnectorCalls: defaultFunctionLimits.maxConnectorCalls,
        maxOutputBytes: defaultFunctionLimits.maxOutputBytes,
      };
      const startedAt = clock.now();
      const id = uuidV7(startedAt);
      const context = { org: request.orgId, solution: request.solution, function: request.function, trigger: request.trigger, executionId: id };
      let outcome: FunctionOutcome;
      try {
        outcome = await runtime.run({ source: fn.source, args: request.args ?? null, context, limits }, hostFor(request));
      } catch (error) {
        // The runtime itself failed (not the function): recorded without detail, reported as ours.
        deps.logger.error({ errorType: error instanceof Error ? error.name : typeof error, executionId: id }, 'function runtime failed');
        await record(request, id, startedAt, {
          ok: false,
          error: { code: 'function_error', message: 'The function runtime failed; the server log has details.' },
          logs: [],
          durationMs: 0,
          connectorCalls: 0,
        });
        throw new SwitchboardError('internal_error', 'The function runtime failed.', { cause: error });
      }
      await record(request, id, startedAt, outcome);
      if (!outcome.ok) {
        throw new SwitchboardError(outcome.error.code, outcome.error.message, {
          details: {
            function: `${request.solution}.${request.function}`,
            executionId: id,
            ...(outcome.error.stack !== undefined ? { stack: outcome.error.stack } : {}),
            logs: outcome.logs.map((log) => ({ level: log.level, message: log.message, at: log.at })),
            durationMs: Math.round(outcome.durationMs),
          },
        });
      }
      return {
        executionId: id,
        result: (outcome.result ?? null) as ExecutionResultView['result'],
        logs: outcome.logs.map((log) => ({ level: log.level, message: log.message, at: log.at })),
        durationMs: Math.round(outcome.durationMs),
      };
    },

    /** Newest first, keyset-paginated on (startedAt, id) with the events' cursor codec. */
    async list(input: ListExecutionsInput): Promise<ExecutionPage> {
      const before = input.cursor === undefined ? undefined : decodeEventCursor(input.cursor);
      await requireOrg(store, input.orgId);
      const limit = Math.min(Math.max(input.limit ?? defaultExecutionPageSize, 1), maxExecutionPageSize);
      const rows = await store.executions.list({ orgId: input.orgId, before, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toExecutionView),
        nextCursor: rows.length > limit && last ? encodeEventCursor({ at: last.startedAt, id: last.id }) : null,
      };
    },
  };
}

export type FunctionExecutionService = ReturnType<typeof createFunctionExecutionService>;
