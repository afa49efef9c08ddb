import { connectorNotFound } from '../connectors/require-connector.js';
import type { OrgConnector } from '../installations/installation.js';
import { DEV_ORG_ID } from '../orgs/org.js';
import { requireOrg } from '../orgs/require-org.js';
import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';

/**
 * The `connector_not_installed` error. Said the same way whether or not a connector of that name
 * exists, so a subscriber org learns nothing about connectors it was not given.
 */
export const connectorNotInstalled = (orgId: string, apiName: string): SwitchboardError =>
  new SwitchboardError('connector_not_installed', `Connector '${apiName}' is not installed in org '${orgId}'.`, { details: { org: orgId, connector: apiName } });

/** The missing-connector error for an org: `not_found` among `dev`'s drafts, `connector_not_installed` anywhere else. */
export const orgConnectorMissing = (orgId: string, apiName: string): SwitchboardError =>
  orgId === DEV_ORG_ID ? connectorNotFound(apiName) : connectorNotInstalled(orgId, apiName);

/**
 * The connector as one org uses it: the draft in `dev`, the installed version's snapshot in any
 * other org. Fails with `not_found` for an unknown org, else as `orgConnectorMissing` says.
 */
export async function requireOrgConnector(store: Store, orgId: string, apiName: string): Promise<OrgConnector> {
  await requireOrg(store, orgId);
  const resolved = await store.orgConnectors.resolve(orgId, apiName);
  if (!resolved) throw orgConnectorMissing(orgId, apiName);
  return resolved;
}
