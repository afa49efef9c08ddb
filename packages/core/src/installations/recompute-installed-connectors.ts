import type { Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import type { StoreRepositories } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import { effectiveConnectors } from './effective-connectors.js';
import type { InstalledConnector } from './installation.js';
import { reconcileConsent } from './reconcile-consent.js';

export interface InstalledConnectorsChange {
  /** The org's connectors now, with their API names. */
  readonly current: readonly (InstalledConnector & { readonly connectorApiName: string })[];
  /** Connectors the org may no longer use: their connections must be revoked. */
  readonly removed: readonly InstalledConnector[];
  /** Connections that must be authorized again, by connector API name. */
  readonly reauthorizationRequired: readonly string[];
}

/**
 * After an installation changed (inside its transaction): recompute which connector versions the
 * org uses (highest version wins across its installed solutions), and reconcile every
 * authorized connection with its connector's version (compatible: consent moves; otherwise
 * `needs_reauthorization`). Revoking the connections of removed connectors is the caller's,
 * after commit: it calls the provider, and no network call belongs in a transaction.
 */
export async function recomputeInstalledConnectors(
  deps: Pick<CoreDeps, 'clock'>,
  tx: StoreRepositories,
  input: { orgId: string; actor: Actor; now: Date },
): Promise<InstalledConnectorsChange> {
  const { orgId, actor, now } = input;
  const before = await tx.installedConnectors.listByOrg(orgId);
  const installations = await tx.installations.listByOrg(orgId);
  const installed = [];
  for (const installation of installations) {
    const release = await tx.releases.getById(installation.releaseId);
    if (!release) throw new SwitchboardError('internal_error', 'An installed release no longer exists.');
    installed.push({ solutionId: installation.solutionId, connectors: release.connectors });
  }
  const current = [];
  for (const effective of effectiveConnectors(installed)) {
    const version = await tx.connectorVersions.get(effective.connectorId, effective.version);
    // Releases record published versions, which are never deleted while a release refers to them.
    if (!version) throw new SwitchboardError('internal_error', 'A released connector version no longer exists.');
    current.push({
      orgId,
      connectorId: effective.connectorId,
      connectorApiName: effective.connectorApiName,
      versionId: version.id,
      version: effective.version,
      solutionIds: effective.solutionIds,
    });
  }
  await tx.installedConnectors.replaceForOrg(
    orgId,
    current.map(({ connectorApiName: _name, ...item }) => item),
  );

  const byConnector = new Map(current.map((item) => [item.connectorId, item]));
  const reauthorizationRequired: string[] = [];
  for (const connection of await tx.connections.listByOrg(orgId)) {
    const item = byConnector.get(connection.connectorId);
    if (!item) continue;
    const impact = await reconcileConsent(deps, tx, { connection, connectorApiName: item.connectorApiName, version: item.version, actor, now });
    if (impact && impact.kind !== 'compatible') reauthorizationRequired.push(item.connectorApiName);
  }
  return { current, removed: before.filter((item) => !byConnector.has(item.connectorId)), reauthorizationRequired };
}
