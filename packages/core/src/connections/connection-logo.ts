import type { OrgConnector } from '../installations/installation.js';
import type { Logo } from '../publishing/connector-version.js';
import type { Store, VersionLogoType } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import { requireOrgConnector } from './require-org-connector.js';

/** The path of a connection's logo route (relative, like the version logo URLs, so it holds behind any proxy). */
export const connectionLogoUrl = (orgId: string, connectorApiName: string): string => `/v1/orgs/${orgId}/connections/${connectorApiName}/logo`;

/**
 * Which published version's logo an org shows for a connector, or null for none: a subscriber
 * org the version it has installed (what its users consent to), org `dev` (drafts, no version of
 * its own) the latest published version. A version published without a logo shows none: an older
 * logo could be the wrong one.
 */
export function logoVersionOf(orgConnector: OrgConnector, versions: readonly VersionLogoType[]): number | null {
  const connectorId = orgConnector.connector.id;
  const own = versions.filter((v) => v.connectorId === connectorId);
  const shown =
    orgConnector.version !== null
      ? own.find((v) => v.version === orgConnector.version)
      : own.reduce<VersionLogoType | undefined>((latest, v) => (latest === undefined || v.version > latest.version ? v : latest), undefined);
  return shown !== undefined && shown.logoContentType !== null ? shown.version : null;
}

/** The logo `GET /v1/orgs/{org}/connections/{connector}/logo` serves (see `logoVersionOf`). */
export async function getConnectionLogo(store: Store, input: { orgId: string; connectorApiName: string }): Promise<Logo> {
  const orgConnector = await requireOrgConnector(store, input.orgId, input.connectorApiName);
  const version = logoVersionOf(orgConnector, await store.connectorVersions.listLogoTypes([orgConnector.connector.id]));
  const logo = version === null ? undefined : await store.connectorVersions.getLogo(orgConnector.connector.id, version);
  if (!logo) {
    throw new SwitchboardError('not_found', `Connector '${input.connectorApiName}' has no logo in org '${input.orgId}'.`, {
      details: { org: input.orgId, connector: input.connectorApiName },
    });
  }
  return logo;
}
