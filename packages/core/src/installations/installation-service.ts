import { randomUUID } from 'node:crypto';
import type { InstallationView, UninstallResult } from '@switchboard/contracts';
import semver from 'semver';
import type { Actor } from '../access/actor.js';
import { revokeStoredConnection } from '../connections/revoke-connection.js';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import { DEV_ORG_ID } from '../orgs/org.js';
import { requireOrg } from '../orgs/require-org.js';
import type { StoreRepositories } from '../ports/store.js';
import type { ReleasedConnector, Solution, SolutionRelease } from '../solutions/solution.js';
import { SwitchboardError } from '../switchboard-error.js';
import { toInstallationView } from './installation-view.js';
import { recomputeInstalledConnectors } from './recompute-installed-connectors.js';

/**
 * Installing solution releases in subscriber orgs. Each install, upgrade and uninstall changes the
 * installation, the org's effective connector versions, the consent state of its connections and
 * the audit events in one transaction; an uninstall then revokes, at the provider, the
 * connections of connectors no installed solution brings any more.
 */
export function createInstallationService(deps: CoreDeps) {
  const { store, clock } = deps;

  const requireSolution = async (tx: StoreRepositories, apiName: string): Promise<Solution> => {
    const solution = await tx.solutions.getByApiName(apiName);
    if (!solution) throw new SwitchboardError('not_found', `Solution '${apiName}' does not exist.`, { details: { solution: apiName } });
    return solution;
  };

  const requireRelease = async (tx: StoreRepositories, solution: Solution, version: string): Promise<SolutionRelease> => {
    const release = await tx.releases.get(solution.id, version);
    if (!release) {
      throw new SwitchboardError('not_found', `Solution '${solution.apiName}' has no release ${version}.`, { details: { solution: solution.apiName, release: version } });
    }
    return release;
  };

  /** The solution's newest release (releases are listed newest first, in semver order). */
  const newestRelease = async (tx: StoreRepositories, solution: Solution): Promise<SolutionRelease | undefined> => (await tx.releases.list(solution.id))[0];

  const notInstalled = (orgId: string, solution: string) =>
    new SwitchboardError('not_found', `Solution '${solution}' is not installed in org '${orgId}'.`, { details: { org: orgId, solution } });

  /** `dev` sees every draft; an installation there would mean nothing. */
  const requireSubscriberOrg = async (orgId: string): Promise<void> => {
    await requireOrg(store, orgId);
    if (orgId === DEV_ORG_ID) {
      throw new SwitchboardError('conflict', "Org 'dev' uses every draft connector; install solutions in subscriber orgs.", { details: { org: orgId } });
    }
  };

  /**
   * Revoke (at the provider, under each connection's lock) the connections of connectors the org
   * no longer uses. Called after the commit: no network call belongs in a transaction.
   */
  const revokeRemoved = async (orgId: string, removed: readonly ReleasedConnector[], actor: Actor): Promise<UninstallResult['revoked']> => {
    const revoked: UninstallResult['revoked'] = [];
    for (const connector of removed) {
      const connection = await store.connections.get(orgId, connector.connectorId);
      if (!connection || connection.accessTokenEncrypted === null) continue;
      revoked.push({ connector: connector.connectorApiName, ...(await revokeStoredConnection(deps, connection, actor)) });
    }
    return revoked;
  };

  return {
    async install(input: { orgId: string; solution: string; release: string; actor: Actor }): Promise<InstallationView> {
      await requireSubscriberOrg(input.orgId);
      return store.transaction(async (tx) => {
        // One installation change per org at a time, across instances: each recomputes the
        // org's whole connector set from what is committed.
        await tx.orgs.lock(input.orgId);
        const solution = await requireSolution(tx, input.solution);
        const release = await requireRelease(tx, solution, input.release);
        if (await tx.installations.get(input.orgId, solution.id)) {
          throw new SwitchboardError('conflict', `Solution '${solution.apiName}' is already installed in org '${input.orgId}'; upgrade it with PUT.`, {
            details: { org: input.orgId, solution: solution.apiName },
          });
        }
        const now = clock.now();
        const installation = { id: randomUUID(), orgId: input.orgId, solutionId: solution.id, releaseId: release.id, installedAt: now, updatedAt: now };
        await tx.installations.insert(installation);
        const change = await recomputeInstalledConnectors(deps, tx, { orgId: input.orgId, actor: input.actor, now });
        const view = toInstallationView(installation, solution, release, await newestRelease(tx, solution));
        await tx.events.append(
          newEvent(deps, {
            orgId: input.orgId,
            type: 'installation.installed',
            connector: null,
            actor: input.actor,
            at: now,
            data: { solution: solution.apiName, release: release.version, connectors: view.connectors, reauthorizationRequired: [...change.reauthorizationRequired] },
          }),
        );
        return view;
      });
    },

    /**
     * Move an installation to a newer release. The same release again is a no-op (PUT is
     * idempotent); an older one is refused with `downgrade_refused`.
     */
    async upgrade(input: { orgId: string; solution: string; release: string; actor: Actor }): Promise<InstallationView> {
      await requireSubscriberOrg(input.orgId);
      const upgraded = await store.transaction(async (tx) => {
        // One installation change per org at a time, across instances: each recomputes the
        // org's whole connector set from what is committed.
        await tx.orgs.lock(input.orgId);
        const solution = await requireSolution(tx, input.solution);
        const installation = await tx.installations.get(input.orgId, solution.id);
        if (!installation) throw notInstalled(input.orgId, solution.apiName);
        const target = await requireRelease(tx, solution, input.release);
        const installed = await tx.releases.getById(installation.releaseId);
        if (!installed) throw new SwitchboardError('internal_error', 'The installed release no longer exists.');
        const order = semver.compare(target.version, installed.version);
        if (order === 0) return { view: toInstallationView(installation, solution, installed, await newestRelease(tx, solution)), removedConnectors: [] };
        if (order < 0) {
          throw new SwitchboardError('downgrade_refused', `Release ${target.version} is older than the installed ${installed.version}; uninstall and install to go back.`, {
            details: { solution: solution.apiName, installed: installed.version, requested: target.version },
          });
        }
        const now = clock.now();
        const updated = await tx.installations.setRelease(input.orgId, solution.id, target.id, now);
        if (!updated) throw notInstalled(input.orgId, solution.apiName);
        const change = await recomputeInstalledConnectors(deps, tx, { orgId: input.orgId, actor: input.actor, now });
        // A connector the new release no longer brings (and no other installed solution does)
        // leaves the org as on uninstall: its connection is revoked after the commit.
        const removedConnectors = installed.connectors.filter((connector) => change.removed.some((item) => item.connectorId === connector.connectorId));
        const view = toInstallationView(updated, solution, target, await newestRelease(tx, solution));
        await tx.events.append(
          newEvent(deps, {
            orgId: input.orgId,
            type: 'installation.upgraded',
            connector: null,
            actor: input.actor,
            at: now,
            data: {
              solution: solution.apiName,
              fromRelease: installed.version,
              toRelease: target.version,
              connectors: view.connectors,
              removedConnectors: removedConnectors.map((connector) => connector.connectorApiName),
              reauthorizationRequired: [...change.reauthorizationRequired],
            },
          }),
        );
        return { view, removedConnectors };
      });
      await revokeRemoved(input.orgId, upgraded.removedConnectors, input.actor);
      return upgraded.view;
    },

    /**
     * Remove an installation, then revoke (at the provider, under each connection's lock) the
     * connections of connectors no other installed solution still brings. Revocation runs after
     * the commit: from then on nothing can use those connections, and a provider outage still
     * clears the tokens locally.
     */
    async uninstall(input: { orgId: string; solution: string; actor: Actor }): Promise<UninstallResult> {
      await requireSubscriberOrg(input.orgId);
      const removed = await store.transaction(async (tx) => {
        // One installation change per org at a time, across instances: each recomputes the
        // org's whole connector set from what is committed.
        await tx.orgs.lock(input.orgId);
        const solution = await requireSolution(tx, input.solution);
        const installation = await tx.installations.get(input.orgId, solution.id);
        if (!installation) throw notInstalled(input.orgId, solution.apiName);
        const release = await tx.releases.getById(installation.releaseId);
        await tx.installations.delete(input.orgId, solution.id);
        const now = clock.now();
        const change = await recomputeInstalledConnectors(deps, tx, { orgId: input.orgId, actor: input.actor, now });
        const removedConnectors = release?.connectors.filter((connector) => change.removed.some((item) => item.connectorId === connector.connectorId)) ?? [];
        await tx.events.append(
          newEvent(deps, {
            orgId: input.orgId,
            type: 'installation.uninstalled',
            connector: null,
            actor: input.actor,
            at: now,
            data: {
              solution: solution.apiName,
              release: release?.version ?? null,
              removedConnectors: removedConnectors.map((connector) => connector.connectorApiName),
              reauthorizationRequired: [...change.reauthorizationRequired],
            },
          }),
        );
        return removedConnectors;
      });
      return { solution: input.solution, revoked: await revokeRemoved(input.orgId, removed, input.actor) };
    },

    async list(input: { orgId: string }): Promise<InstallationView[]> {
      await requireOrg(store, input.orgId);
      const views: InstallationView[] = [];
      for (const installation of await store.installations.listByOrg(input.orgId)) {
        const [solution, release, releases] = await Promise.all([
          store.solutions.get(installation.solutionId),
          store.releases.getById(installation.releaseId),
          store.releases.list(installation.solutionId),
        ]);
        if (solution && release) views.push(toInstallationView(installation, solution, release, releases[0]));
      }
      return views.sort((a, b) => a.solution.localeCompare(b.solution));
    },
  };
}

export type InstallationService = ReturnType<typeof createInstallationService>;
