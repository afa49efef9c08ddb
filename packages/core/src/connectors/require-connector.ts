import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Connector } from './connector.js';

/** The `not_found` error for an API name that names no connector. */
export const connectorNotFound = (apiName: string): SwitchboardError =>
  new SwitchboardError('not_found', `Connector '${apiName}' does not exist.`, { details: { connector: apiName } });

/** Find a connector by its API name or fail with `not_found`. */
export async function requireConnector(store: Store, apiName: string): Promise<Connector> {
  const connector = await store.connectors.getByApiName(apiName);
  if (!connector) throw connectorNotFound(apiName);
  return connector;
}
