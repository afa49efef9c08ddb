import type { InstallationView } from '@switchboard/contracts';
import semver from 'semver';
import type { Solution, SolutionRelease } from '../solutions/solution.js';
import type { Installation } from './installation.js';

/**
 * The public shape of an installation: the solution and release by name, with the connector
 * versions it brings, and `availableRelease`: the solution's newest release (`newest`) when it is
 * newer than the installed one, so an org's admin can see that an upgrade is waiting.
 */
export function toInstallationView(installation: Installation, solution: Solution, release: SolutionRelease, newest: SolutionRelease | undefined): InstallationView {
  return {
    solution: solution.apiName,
    release: release.version,
    connectors: release.connectors.map((connector) => ({ connector: connector.connectorApiName, version: connector.version })),
    installedAt: installation.installedAt.toISOString(),
    updatedAt: installation.updatedAt.toISOString(),
    availableRelease: newest !== undefined && semver.gt(newest.version, release.version) ? newest.version : null,
  };
}
