import type { ReleaseView, SolutionConnectorView, SolutionView } from '@switchboard/contracts';
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

export function toReleaseView(solution: Solution, release: SolutionRelease): ReleaseView {
  return {
    solution: solution.apiName,
    version: release.version,
    notes: release.notes,
    connectors: release.connectors.map((c) => ({ connector: c.connectorApiName, version: c.version })),
    createdAt: release.createdAt.toISOString(),
  };
}
