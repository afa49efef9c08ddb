import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Connector } from './connector.js';

/** Find a connector by its API name or fail with `not_found`. */
export async function requireConnector(store: Store, apiName: string): Promise<Connector> {
  const connector = await store.connectors.getByApiName(apiName);
  if (!connector) throw new SwitchboardError('not_found', `Connector '${apiName}' does not exist.`, { details: { connector: apiName } });
  return connector;
}
