import type { ConnectionView } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import type { OrgConnector } from '../installations/installation.js';
import { requireOrg } from '../orgs/require-org.js';
import type { VersionLogoType } from '../ports/store.js';
import { connectionLogoUrl, logoVersionOf } from './connection-logo.js';
import { toConnectionView } from './connection-view.js';
import { requireOrgConnector } from './require-org-connector.js';

const logoUrlOf = (orgId: string, orgConnector: OrgConnector, versions: readonly VersionLogoType[]): string | null =>
  logoVersionOf(orgConnector, versions) === null ? null : connectionLogoUrl(orgId, orgConnector.connector.apiName);

/** Status of one connector in one org (`not_authorized` when never connected). */
export async function getConnection(deps: CoreDeps, input: { orgId: string; connectorApiName: string }): Promise<ConnectionView> {
  const orgConnector = await requireOrgConnector(deps.store, input.orgId, input.connectorApiName);
  const [connection, versions] = await Promise.all([
    deps.store.connections.get(input.orgId, orgConnector.connector.id),
    deps.store.connectorVersions.listLogoTypes([orgConnector.connector.id]),
  ]);
  return toConnectionView(orgConnector, connection, logoUrlOf(input.orgId, orgConnector, versions));
}

/**
 * The org's checklist: every connector it may use (each draft in `dev`, the installed ones
 * elsewhere) with its status, `not_authorized` included, and the solutions that brought it.
 */
export async function listConnections(deps: CoreDeps, input: { orgId: string }): Promise<ConnectionView[]> {
  await requireOrg(deps.store, input.orgId);
  const [connectors, connections] = await Promise.all([deps.store.orgConnectors.list(input.orgId), deps.store.connections.listByOrg(input.orgId)]);
  const versions = await deps.store.connectorVersions.listLogoTypes(connectors.map((orgConnector) => orgConnector.connector.id));
  const byConnector = new Map(connections.map((connection) => [connection.connectorId, connection]));
  return connectors.map((orgConnector) => toConnectionView(orgConnector, byConnector.get(orgConnector.connector.id), logoUrlOf(input.orgId, orgConnector, versions)));
}
