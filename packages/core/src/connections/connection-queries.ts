import type { ConnectionView } from '@switchboard/contracts';
import { requireConnector } from '../connectors/require-connector.js';
import type { CoreDeps } from '../core-deps.js';
import { requireOrg } from '../orgs/require-org.js';
import { toConnectionView } from './connection-view.js';

/** Status of one connector in one org (`not_authorized` when never connected). */
export async function getConnection(deps: CoreDeps, input: { orgId: string; connectorApiName: string }): Promise<ConnectionView> {
  await requireOrg(deps.store, input.orgId);
  const connector = await requireConnector(deps.store, input.connectorApiName);
  return toConnectionView(connector, await deps.store.connections.get(input.orgId, connector.id));
}

/** Every connector the org can use, with its status: the org's checklist. */
export async function listConnections(deps: CoreDeps, input: { orgId: string }): Promise<ConnectionView[]> {
  await requireOrg(deps.store, input.orgId);
  const [connectors, connections] = await Promise.all([deps.store.connectors.list(), deps.store.connections.listByOrg(input.orgId)]);
  const byConnector = new Map(connections.map((connection) => [connection.connectorId, connection]));
  return connectors.map((connector) => toConnectionView(connector, byConnector.get(connector.id)));
}
