import type { ConnectorActionArgs } from '@switchboard/contracts';
import { systemActor } from '../access/actor.js';
import type { Logger } from '../ports/logger.js';
import type { FunctionExecutionService } from '../functions/function-execution-service.js';
import type { JobHandler, NewJob } from '../jobs/job.js';
import { PermanentJobError } from '../jobs/permanent-job-error.js';
import type { JsonValue } from '../json-value.js';
import { uuidV7 } from '../security/uuid-v7.js';
import { isSwitchboardError } from '../switchboard-error.js';

/** The job type whose handler runs one connector action (a function) for one org. */
export const actionJobType = 'function.action';

/** What an action job stores: everything resolved when the event was dispatched. */
export interface ActionJobPayload {
  readonly orgId: string;
  readonly solution: string;
  readonly function: string;
  /** The release whose copy runs (subscriber orgs), null for org `dev` (the draft). */
  readonly releaseId: string | null;
  readonly args: ConnectorActionArgs;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The payload of a stored action job, or undefined when it is not one (written by another version). */
export function readActionJobPayload(payload: JsonValue): ActionJobPayload | undefined {
  if (!isRecord(payload) || !isText(payload['orgId']) || !isText(payload['solution']) || !isText(payload['function'])) return undefined;
  if (payload['releaseId'] !== null && !isText(payload['releaseId'])) return undefined;
  const args = payload['args'];
  if (!isRecord(args) || (args['event'] !== 'authorized' && args['event'] !== 'revoked')) return undefined;
  return payload as unknown as ActionJobPayload;
}

/**
 * The job running `payload` for the audit event `eventId`. Keyed `action:<event>:<solution>`:
 * instances dispatching the same event at once, or a pass re-reading it in its overlap window,
 * queue it once. At most one action per (event, solution): an event names one connector.
 */
export function actionJob(eventId: string, payload: ActionJobPayload, now: Date): NewJob {
  return {
    id: uuidV7(now),
    type: actionJobType,
    payload: payload as unknown as JsonValue,
    runAt: now,
    maxAttempts: 5,
    idempotencyKey: `action:${eventId}:${payload.solution}`,
  };
}

/**
 * Runs an action job through the execution service, which records the run (trigger
 * `authorized`/`revoked`) in the org's executions.
 *
 * What is retried: a failure of ours (the database, the sandbox pool, a lease lost) throws and the
 * job runner retries it with backoff, 5 tries in all. A failure of the user's code
 * (`function_error`, `function_timeout`, `function_memory_exceeded`, `function_limit_exceeded`)
 * is recorded once as a failed execution (and a `function.failed` event) and not retried: running
 * the same code on the same input again would fail the same way, and each retry would repeat its
 * side effects (connector calls) up to the failure. A function or installation gone since the
 * event (`not_found`) fails the job at once.
 */
export function createActionJobHandler(executions: Pick<FunctionExecutionService, 'execute'>, logger: Logger): JobHandler {
  return async (job) => {
    const payload = readActionJobPayload(job.payload);
    if (payload === undefined) throw new PermanentJobError('not an action job payload');
    try {
      await executions.execute({
        orgId: payload.orgId,
        solution: payload.solution,
        function: payload.function,
        ...(payload.releaseId !== null ? { releaseId: payload.releaseId } : {}),
        args: payload.args,
        trigger: payload.args.event,
        actor: systemActor,
      });
    } catch (error) {
      if (isSwitchboardError(error) && error.code.startsWith('function_')) {
        logger.info({ org: payload.orgId, solution: payload.solution, function: payload.function, code: error.code }, 'connector action failed in user code; recorded, not retried');
        return;
      }
      if (isSwitchboardError(error) && error.code === 'not_found') throw new PermanentJobError(error.message);
      throw error;
    }
  };
}
