import type { ReleasedConnector } from '../solutions/solution.js';

/** One connector an org may use after its installations are combined (the version id is looked up separately). */
export interface EffectiveConnector {
  readonly connectorId: string;
  readonly connectorApiName: string;
  readonly version: number;
  /** Every installed solution whose release brings the connector, at any version, sorted. */
  readonly solutionIds: readonly string[];
}

/**
 * Combine the releases installed in one org into the connectors it may use. When two solutions
 * bring the same connector the highest version wins: a version is a superset decision of its
 * builder, and the upgrade check then decides whether the org must authorize again.
 */
export function effectiveConnectors(installed: readonly { readonly solutionId: string; readonly connectors: readonly ReleasedConnector[] }[]): EffectiveConnector[] {
  const byConnector = new Map<string, { connectorApiName: string; version: number; solutionIds: Set<string> }>();
  for (const { solutionId, connectors } of installed) {
    for (const released of connectors) {
      const entry = byConnector.get(released.connectorId);
      if (!entry) {
        byConnector.set(released.connectorId, { connectorApiName: released.connectorApiName, version: released.version, solutionIds: new Set([solutionId]) });
        continue;
      }
      entry.solutionIds.add(solutionId);
      if (released.version > entry.version) entry.version = released.version;
    }
  }
  return [...byConnector.entries()]
    .map(([connectorId, entry]) => ({ connectorId, connectorApiName: entry.connectorApiName, version: entry.version, solutionIds: [...entry.solutionIds].sort() }))
    .sort((a, b) => a.connectorApiName.localeCompare(b.connectorApiName));
}
