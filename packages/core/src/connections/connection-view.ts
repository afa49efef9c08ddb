import type { ConnectionView } from '@switchboard/contracts';
import type { Connector } from '../connectors/connector.js';
import type { Connection } from './connection.js';

/** The public shape of a connection: status and timestamps, never a token. */
export function toConnectionView(connector: Connector, connection: Connection | undefined): ConnectionView {
  if (!connection) {
    return { connector: connector.apiName, status: 'not_authorized', scopes: [], authorizedAt: null, expiresAt: null, lastRefreshedAt: null, lastError: null };
  }
  return {
    connector: connector.apiName,
    status: connection.status,
    scopes: [...connection.scopes],
    authorizedAt: connection.authorizedAt?.toISOString() ?? null,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    lastRefreshedAt: connection.lastRefreshedAt?.toISOString() ?? null,
    lastError: connection.lastError ? { ...connection.lastError, at: connection.lastError.at.toISOString() } : null,
  };
}
