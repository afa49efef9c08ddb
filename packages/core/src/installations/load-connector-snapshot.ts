import type { StoreRepositories } from '../ports/store.js';
import type { ConnectorSnapshot } from './upgrade-impact.js';

/** A published version of a connector with its APIs, or the draft for `null`; undefined when it does not exist. */
export async function loadConnectorSnapshot(
  store: Pick<StoreRepositories, 'connectors' | 'apis' | 'connectorVersions'>,
  connectorId: string,
  version: number | null,
): Promise<ConnectorSnapshot | undefined> {
  if (version !== null) return store.connectorVersions.get(connectorId, version);
  const [connector, apis] = await Promise.all([store.connectors.get(connectorId), store.apis.list(connectorId)]);
  return connector ? { connector, apis } : undefined;
}
