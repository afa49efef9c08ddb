import type { Actor } from '../access/actor.js';
import type { Connection } from '../connections/connection.js';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import type { StoreRepositories } from '../ports/store.js';
import { loadConnectorSnapshot } from './load-connector-snapshot.js';
import { upgradeImpact, type UpgradeImpact } from './upgrade-impact.js';

/**
 * Bring an authorized connection in line with the connector version its org now uses (after an
 * install, upgrade or uninstall, or a callback that finished after one). A compatible version
 * moves `consentedVersion` and the connection keeps working with the new API definitions at once;
 * otherwise it becomes `needs_reauthorization` (`scopes_changed` / `endpoints_changed`), keeping
 * its tokens only so they can be revoked where they were issued, and a
 * `connection.reauthorization_required` event is written with the change. Runs inside the
 * caller's transaction. Returns the impact, or undefined when there was nothing to reconcile.
 */
export async function reconcileConsent(
  deps: Pick<CoreDeps, 'clock'>,
  tx: StoreRepositories,
  input: { connection: Connection; connectorApiName: string; version: number; actor: Actor; now: Date },
): Promise<UpgradeImpact | undefined> {
  const { connection, version, now } = input;
  if (connection.status !== 'authorized' || connection.accessTokenEncrypted === null) return undefined;
  if (connection.consentedVersion === version) return undefined;
  // A null consent outside `dev` is a connection authorized before versions existed: the
  // current draft is the best record of what its user agreed to.
  const [consented, next] = await Promise.all([
    loadConnectorSnapshot(tx, connection.connectorId, connection.consentedVersion),
    loadConnectorSnapshot(tx, connection.connectorId, version),
  ]);
  if (!next) return undefined;
  // Without the consented configuration nothing proves the new endpoints were agreed to.
  const impact: UpgradeImpact = consented ? upgradeImpact(consented, next) : { kind: 'endpoints_changed', changed: ['consentedVersion'] };
  if (impact.kind === 'compatible') {
    await tx.connections.applyUpgrade(connection.id, { consentedVersion: version }, now);
    return impact;
  }
  await tx.connections.applyUpgrade(connection.id, { error: { code: impact.kind, message: reauthorizationMessage(impact, version), at: now } }, now);
  await tx.events.append(
    newEvent(deps, {
      orgId: connection.orgId,
      type: 'connection.reauthorization_required',
      connector: input.connectorApiName,
      actor: input.actor,
      at: now,
      data: {
        reason: impact.kind,
        fromVersion: connection.consentedVersion,
        toVersion: version,
        ...(impact.kind === 'scopes_changed' ? { addedScopes: [...impact.addedScopes] } : { changed: [...impact.changed] }),
      },
    }),
  );
  return impact;
}

function reauthorizationMessage(impact: Exclude<UpgradeImpact, { kind: 'compatible' }>, version: number): string {
  return impact.kind === 'scopes_changed'
    ? `Version ${version} asks for scopes not granted before (${impact.addedScopes.join(', ')}); authorize again.`
    : `Version ${version} sends tokens to endpoints not consented to before (${impact.changed.join(', ')}); authorize again.`;
}
