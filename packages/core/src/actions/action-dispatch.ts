import type { ConnectorActionArgs } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import type { AuditEvent, AuditEventType } from '../events/audit-event.js';
import { createAuditEventFollower, positionAfter } from '../events/audit-event-follower.js';
import type { NewJob } from '../jobs/job.js';
import { DEV_ORG_ID } from '../orgs/org.js';
import { actionJob, type ActionJobPayload } from './action-job.js';

/** The audit events that trigger actions: an authorization, and a revocation (also by uninstall or upgrade). */
export const actionSourceEventTypes: readonly AuditEventType[] = ['authorization.succeeded', 'connection.revoked'];

export interface ActionDispatchOptions {
  /** How far behind the stored position each pass reads again (as the webhook dispatcher's); default 2 minutes. */
  readonly overlapMs?: number;
  /** Events read per query; default 200. */
  readonly pageSize?: number;
  /** Pages per pass at most (a backlog continues at the next pass); default 10. */
  readonly maxPagesPerPass?: number;
}

export interface ActionDispatcher {
  /** Read the trigger events since the stored position and queue their action jobs; returns the jobs queued. */
  pass(): Promise<number>;
}

/** One solution's action to run: its function, from which release (null: the draft, org `dev`). */
interface Target {
  readonly solution: string;
  readonly function: string;
  readonly releaseId: string | null;
}

/**
 * Turns `authorization.succeeded` and `connection.revoked` audit events into `function.action`
 * jobs, with the webhook dispatcher's mechanism: a shared position (its own row of the same
 * table), a 2-minute overlap re-read each pass for late commits, and an idempotency key per
 * (event, solution) so instances and overlaps queue each run once. The events are committed with
 * the change they record, so nothing is missed, and the job runs after the OAuth callback has
 * answered: an action never delays or fails it.
 *
 * Which actions apply is resolved at dispatch (moments after the event): org `dev` runs every
 * solution's draft action for the connector; a subscriber org the action each installed
 * release recorded. A revocation of a connector no installed release brings any more was done
 * by an uninstall or upgrade dropping it (a revoke request needs the connector installed): it runs
 * the onRevoke of the release that dropped it, found in the latest `installation.uninstalled` /
 * `installation.upgraded` event before it naming the connector in `removedConnectors`.
 */
export function createActionDispatcher(deps: Pick<CoreDeps, 'store' | 'clock' | 'logger'>, options: ActionDispatchOptions = {}): ActionDispatcher {
  const { store, clock } = deps;
  const overlapMs = options.overlapMs ?? 120_000;
  const pageSize = options.pageSize ?? 200;
  const maxPages = options.maxPagesPerPass ?? 10;
  // The first pass ever starts an overlap window ago: actions are not run for the audit
  // log's past (a server upgraded to this version does not replay old authorizations).
  const follower = createAuditEventFollower({ positions: store.actionDispatch, types: actionSourceEventTypes, overlapMs, pageSize, maxPages, startWhenUnset: 'now', clock });

  /** The release an uninstall or upgrade dropping `connector` left, just before `event`. */
  const droppedBy = async (event: AuditEvent, connectorApiName: string): Promise<{ solutionId: string; releaseId: string } | undefined> => {
    const before = { at: event.at, id: event.id };
    const candidates = [
      ...(await store.events.list({ orgId: event.orgId, type: 'installation.uninstalled', before, limit: 10 })),
      ...(await store.events.list({ orgId: event.orgId, type: 'installation.upgraded', before, limit: 10 })),
    ].sort((a, b) => (positionAfter(a, b) ? -1 : 1));
    for (const candidate of candidates) {
      const removed = candidate.data['removedConnectors'];
      if (!Array.isArray(removed) || !removed.includes(connectorApiName)) continue;
      const solutionName = candidate.data['solution'];
      const version = candidate.type === 'installation.upgraded' ? candidate.data['fromRelease'] : candidate.data['release'];
      if (typeof solutionName !== 'string' || typeof version !== 'string') return undefined;
      const solution = await store.solutions.getByApiName(solutionName);
      const release = solution && (await store.releases.get(solution.id, version));
      return solution && release ? { solutionId: solution.id, releaseId: release.id } : undefined;
    }
    return undefined;
  };

  const targetsOf = async (event: AuditEvent, connectorId: string, connectorApiName: string): Promise<Target[]> => {
    const pick = (actions: { onAuthorize: string | null; onRevoke: string | null }) => (event.type === 'authorization.succeeded' ? actions.onAuthorize : actions.onRevoke);
    const targets: Target[] = [];
    if (event.orgId === DEV_ORG_ID) {
      for (const actions of await store.connectorActions.listByConnector(connectorId)) {
        const fn = pick(actions);
        // An action hears of what happens after it was set, never of the past.
        if (fn === null || event.at.getTime() < actions.updatedAt.getTime()) continue;
        const solution = await store.solutions.get(actions.solutionId);
        if (!solution || !(await store.solutionConnectors.list(solution.id)).some((pin) => pin.connectorId === connectorId)) continue;
        targets.push({ solution: solution.apiName, function: fn, releaseId: null });
      }
      return targets;
    }
    const releases: { solutionId: string; releaseId: string }[] = [];
    let brought = false;
    for (const installation of await store.installations.listByOrg(event.orgId)) {
      const release = await store.releases.getById(installation.releaseId);
      if (!release?.connectors.some((c) => c.connectorId === connectorId)) continue;
      brought = true;
      releases.push({ solutionId: installation.solutionId, releaseId: installation.releaseId });
    }
    if (!brought && event.type === 'connection.revoked') {
      const dropped = await droppedBy(event, connectorApiName);
      if (dropped) releases.push(dropped);
    }
    for (const { solutionId, releaseId } of releases) {
      const actions = await store.releaseActions.get(releaseId, connectorId);
      const fn = actions ? pick(actions) : null;
      const solution = fn === null ? undefined : await store.solutions.get(solutionId);
      if (fn !== null && solution) targets.push({ solution: solution.apiName, function: fn, releaseId });
    }
    return targets;
  };

  const jobsOf = async (event: AuditEvent, now: Date): Promise<NewJob[]> => {
    if (event.connector === null) return [];
    const connector = await store.connectors.getByApiName(event.connector);
    if (!connector) return [];
    const targets = await targetsOf(event, connector.id, connector.apiName);
    if (targets.length === 0) return [];
    const connection = await store.connections.get(event.orgId, connector.id);
    const args: ConnectorActionArgs = {
      event: event.type === 'authorization.succeeded' ? 'authorized' : 'revoked',
      connector: connector.apiName,
      org: event.orgId,
      scopes: [...(connection?.scopes ?? [])],
      at: event.at.toISOString(),
    };
    return targets.map((target) => {
      const payload: ActionJobPayload = { orgId: event.orgId, solution: target.solution, function: target.function, releaseId: target.releaseId, args };
      return actionJob(event.id, payload, now);
    });
  };

  return {
    async pass() {
      const queued = await follower.pass(async (fresh, markHandled) => {
        const now = clock.now();
        let count = 0;
        for (const event of fresh) {
          const jobs = await jobsOf(event, now);
          // The jobs of one event are queued together or not at all.
          if (jobs.length > 0) {
            count += await store.transaction(async (tx) => {
              let enqueued = 0;
              for (const job of jobs) if (await tx.jobs.enqueue(job)) enqueued += 1;
              return enqueued;
            });
          }
          markHandled(event);
        }
        return count;
      });
      if (queued > 0) deps.logger.debug({ queued }, 'connector actions queued');
      return queued;
    },
  };
}
