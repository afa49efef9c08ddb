import type { Connector } from '../connectors/connector.js';

/** A solution release installed in a subscriber org. */
export interface Installation {
  readonly id: string;
  readonly orgId: string;
  readonly solutionId: string;
  readonly releaseId: string;
  readonly installedAt: Date;
  readonly updatedAt: Date;
}

/**
 * One connector an org may use, at the version its installations bring (when two installed
 * solutions bring the same connector, the highest version wins). Recomputed on every install,
 * upgrade and uninstall, in the same transaction.
 */
export interface InstalledConnector {
  readonly orgId: string;
  readonly connectorId: string;
  readonly versionId: string;
  readonly version: number;
  /** Ids of the installed solutions that bring it. */
  readonly solutionIds: readonly string[];
}

/**
 * The connector configuration an org actually uses: the draft for org `dev`, the installed
 * version's snapshot for every other org.
 */
export interface OrgConnector {
  readonly connector: Connector;
  /** Null for the `dev` org's drafts. */
  readonly version: number | null;
  /** API names of the installed solutions that bring it (empty for drafts). */
  readonly solutions: readonly string[];
}
