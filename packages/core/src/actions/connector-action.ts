/**
 * A solution's connector actions (On Authorization / On Revoking): for one connector the
 * solution brings, the function (by API name) run for an org when it authorizes or revokes that
 * connector. The draft row is what org `dev` runs; a release records its own copy.
 */
export interface ConnectorActions {
  readonly solutionId: string;
  readonly connectorId: string;
  readonly onAuthorize: string | null;
  readonly onRevoke: string | null;
  readonly updatedAt: Date;
}

/** The actions a release recorded for one of its connectors (immutable; deleted with the release). */
export interface ReleasedActions {
  readonly releaseId: string;
  readonly connectorId: string;
  readonly onAuthorize: string | null;
  readonly onRevoke: string | null;
}

/** The solution's draft actions, one row per (solution, connector) that names a function. */
export interface ConnectorActionRepository {
  get(solutionId: string, connectorId: string): Promise<ConnectorActions | undefined>;
  /** Insert or replace the row; a row naming no function is deleted instead. */
  put(actions: ConnectorActions): Promise<void>;
  list(solutionId: string): Promise<ConnectorActions[]>;
  /** Every solution's draft actions for one connector (org `dev`). */
  listByConnector(connectorId: string): Promise<ConnectorActions[]>;
}

export interface ReleaseActionRepository {
  insertMany(actions: readonly ReleasedActions[]): Promise<void>;
  get(releaseId: string, connectorId: string): Promise<ReleasedActions | undefined>;
  /** By connector id (the release view). */
  list(releaseId: string): Promise<ReleasedActions[]>;
}
