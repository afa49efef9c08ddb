import { randomUUID } from 'node:crypto';
import type { CreateReleaseInput, ReleaseDetailView, ReleaseView } from '@switchboard/contracts';
import semver from 'semver';
import type { CoreDeps } from '../core-deps.js';
import { SwitchboardError } from '../switchboard-error.js';
import { requireSolution } from './require-solution.js';
import type { SolutionRelease } from './solution.js';
import type { StoreRepositories } from '../ports/store.js';
import { type ReleaseRecords, toReleaseDetailView, toReleaseView } from './solution-view.js';

/** The highest version by semver precedence (semver.org §11; build metadata does not count). */
const highest = (versions: readonly string[]): string | undefined => versions.reduce<string | undefined>((max, v) => (max === undefined || semver.gt(v, max) ? v : max), undefined);

async function recordsOf(repos: Pick<StoreRepositories, 'releaseFunctions' | 'releaseActions'>, releaseId: string): Promise<ReleaseRecords> {
  const [functions, actions] = await Promise.all([repos.releaseFunctions.list(releaseId), repos.releaseActions.list(releaseId)]);
  return { functions, actions };
}

/** Releases: immutable records of a solution's pinned connector versions, with increasing semver. */
export function createReleaseService(deps: CoreDeps) {
  const { store, clock } = deps;

  return {
    /**
     * Cut a release from the current pins. The version must be greater than every earlier one
     * (so "upgrade" always means a newer release); the check and the insert share a transaction.
     */
    async create(solutionApiName: string, input: CreateReleaseInput): Promise<ReleaseView> {
      return store.transaction(async (tx) => {
        const solution = await requireSolution(tx, solutionApiName);
        const pins = await tx.solutionConnectors.list(solution.id);
        if (pins.length === 0) {
          throw new SwitchboardError('conflict', `Solution '${solutionApiName}' has no connectors; associate at least one published connector version before releasing.`, {
            details: { solution: solutionApiName, reason: 'no_connectors' },
          });
        }
        const latest = highest((await tx.releases.list(solution.id)).map((r) => r.version));
        if (latest !== undefined && !semver.gt(input.version, latest)) {
          throw new SwitchboardError('version_not_increasing', `Release ${input.version} is not greater than ${latest}, the latest release of '${solutionApiName}'.`, {
            details: { solution: solutionApiName, version: input.version, latest },
          });
        }
        const release: SolutionRelease = {
          id: randomUUID(),
          solutionId: solution.id,
          version: input.version,
          notes: input.notes ?? null,
          connectors: pins.map((p) => ({ connectorId: p.connectorId, connectorApiName: p.connectorApiName, version: p.version })),
          createdAt: clock.now(),
        };
        await tx.releases.insert(release);
        // The functions' source as of the release: what subscriber orgs of it run, whatever the draft becomes.
        const functions = await tx.functions.list(solution.id);
        const recordedFunctions = functions.map((fn) => ({ releaseId: release.id, apiName: fn.apiName, name: fn.name, source: fn.source, timeoutMs: fn.timeoutMs, memoryMb: fn.memoryMb }));
        await tx.releaseFunctions.insertMany(recordedFunctions);
        // Likewise its connector actions, for the connectors it brings.
        const actions = await tx.connectorActions.list(solution.id);
        const recordedActions = actions
          .filter((a) => release.connectors.some((c) => c.connectorId === a.connectorId))
          .map((a) => ({ releaseId: release.id, connectorId: a.connectorId, onAuthorize: a.onAuthorize, onRevoke: a.onRevoke }));
        await tx.releaseActions.insertMany(recordedActions);
        return toReleaseView(solution, release, { functions: recordedFunctions, actions: recordedActions });
      });
    },

    async list(solutionApiName: string): Promise<ReleaseView[]> {
      const solution = await requireSolution(store, solutionApiName);
      const releases = await store.releases.list(solution.id);
      // Two small queries per release: a solution has few releases, and the list leaves out the source.
      return Promise.all(releases.map(async (r) => toReleaseView(solution, r, await recordsOf(store, r.id))));
    },

    async get(solutionApiName: string, version: string): Promise<ReleaseDetailView> {
      const solution = await requireSolution(store, solutionApiName);
      const release = await store.releases.get(solution.id, version);
      if (!release) {
        throw new SwitchboardError('not_found', `Release ${version} of solution '${solutionApiName}' does not exist.`, { details: { solution: solutionApiName, release: version } });
      }
      return toReleaseDetailView(solution, release, await recordsOf(store, release.id));
    },
  };
}

export type ReleaseService = ReturnType<typeof createReleaseService>;
