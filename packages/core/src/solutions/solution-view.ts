import type { ReleaseDetailView, ReleaseView, SolutionConnectorView, SolutionView } from '@switchboard/contracts';
import type { ReleasedActions } from '../actions/connector-action.js';
import type { ReleasedFunction } from '../functions/solution-function.js';
import type { ConnectorVersion } from '../publishing/connector-version.js';
import { logoUrl } from '../publishing/version-view.js';
import type { Solution, SolutionConnector, SolutionRelease } from './solution.js';

export function toSolutionView(solution: Solution): SolutionView {
  return {
    id: solution.id,
    apiName: solution.apiName,
    name: solution.name,
    description: solution.description,
    createdAt: solution.createdAt.toISOString(),
    updatedAt: solution.updatedAt.toISOString(),
  };
}

/** A pin, described by the pinned version (its name and logo as published). */
export function toSolutionConnectorView(pin: SolutionConnector, version: ConnectorVersion): SolutionConnectorView {
  return {
    connector: pin.connectorApiName,
    version: pin.version,
    name: version.connector.name,
    serviceName: version.connector.serviceName,
    logoContentType: version.logoContentType,
    logoUrl: version.logoContentType === null ? null : logoUrl(pin.connectorApiName, pin.version),
    updatedAt: pin.updatedAt.toISOString(),
  };
}

/** What a release recorded besides its connector versions (the release repositories' rows). */
export interface ReleaseRecords {
  readonly functions: readonly ReleasedFunction[];
  readonly actions: readonly ReleasedActions[];
}

export function toReleaseView(solution: Solution, release: SolutionRelease, records: ReleaseRecords): ReleaseView {
  // Actions are keyed by connector id; the release's own connector list names them (it only records actions for those).
  const apiNames = new Map(release.connectors.map((c) => [c.connectorId, c.connectorApiName]));
  return {
    solution: solution.apiName,
    version: release.version,
    notes: release.notes,
    connectors: release.connectors.map((c) => ({ connector: c.connectorApiName, version: c.version })),
    functions: records.functions.map((f) => ({ function: f.apiName, name: f.name, timeoutMs: f.timeoutMs, memoryMb: f.memoryMb })),
    actions: records.actions
      .flatMap((a) => {
        const connector = apiNames.get(a.connectorId);
        return connector === undefined ? [] : [{ connector, onAuthorize: a.onAuthorize, onRevoke: a.onRevoke }];
      })
      .sort((a, b) => (a.connector < b.connector ? -1 : a.connector > b.connector ? 1 : 0)),
    createdAt: release.createdAt.toISOString(),
  };
}

/** The single-release view: the functions with their recorded source. */
export function toReleaseDetailView(solution: Solution, release: SolutionRelease, records: ReleaseRecords): ReleaseDetailView {
  const source = new Map(records.functions.map((f) => [f.apiName, f.source]));
  const view = toReleaseView(solution, release, records);
  return { ...view, functions: view.functions.map((f) => ({ ...f, source: source.get(f.function) ?? '' })) };
}
