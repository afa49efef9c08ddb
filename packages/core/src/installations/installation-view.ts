import type { InstallationView } from '@switchboard/contracts';
import type { Solution, SolutionRelease } from '../solutions/solution.js';
import type { Installation } from './installation.js';

/** The public shape of an installation: the solution and release by name, with the connector versions it brings. */
export function toInstallationView(installation: Installation, solution: Solution, release: SolutionRelease): InstallationView {
  return {
    solution: solution.apiName,
    release: release.version,
    connectors: release.connectors.map((connector) => ({ connector: connector.connectorApiName, version: connector.version })),
    installedAt: installation.installedAt.toISOString(),
    updatedAt: installation.updatedAt.toISOString(),
  };
}
