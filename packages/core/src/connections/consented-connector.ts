import type { Connector } from '../connectors/connector.js';
import type { StoreRepositories } from '../ports/store.js';
import type { Connection } from './connection.js';

/**
 * The connector configuration a connection's user consented to: the published version it was
 * authorized (or last compatibly upgraded) under, or the draft for `null` (org `dev`). Refresh
 * and revocation of tokens that may no longer be used go to these endpoints, never to ones the
 * user did not agree to. Undefined when that version (or the connector) no longer exists.
 */
export async function consentedConnector(store: Pick<StoreRepositories, 'connectors' | 'connectorVersions'>, connection: Connection): Promise<Connector | undefined> {
  if (connection.consentedVersion === null) return store.connectors.get(connection.connectorId);
  return (await store.connectorVersions.get(connection.connectorId, connection.consentedVersion))?.connector;
}
