/** A bundle of connectors (and, later, functions) that subscriber orgs install. */
export interface Solution {
  readonly id: string;
  readonly apiName: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A connector associated with a solution at one published version. */
export interface SolutionConnector {
  readonly solutionId: string;
  readonly connectorId: string;
  readonly connectorApiName: string;
  readonly version: number;
  readonly updatedAt: Date;
}

/** A connector version recorded in a release. */
export interface ReleasedConnector {
  readonly connectorId: string;
  readonly connectorApiName: string;
  readonly version: number;
}

/** An immutable release of a solution: the pinned connector versions at the time it was cut. */
export interface SolutionRelease {
  readonly id: string;
  readonly solutionId: string;
  /** Semantic version (semver.org 2.0.0), increasing per solution. */
  readonly version: string;
  readonly notes: string | null;
  readonly connectors: readonly ReleasedConnector[];
  readonly createdAt: Date;
}
