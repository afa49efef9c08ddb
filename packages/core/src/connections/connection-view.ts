import type { ConnectionView } from '@switchboard/contracts';
import type { OrgConnector } from '../installations/installation.js';
import type { Connection } from './connection.js';

/** The public shape of a connection: status, timestamps and where the connector comes from, never a token. */
export function toConnectionView(orgConnector: OrgConnector, connection: Connection | undefined): ConnectionView {
  const origin = { solutions: [...orgConnector.solutions], version: orgConnector.version };
  const connector = orgConnector.connector.apiName;
  if (!connection) {
    return { connector, status: 'not_authorized', scopes: [], authorizedAt: null, expiresAt: null, lastRefreshedAt: null, lastError: null, ...origin };
  }
  return {
    connector,
    status: connection.status,
    scopes: [...connection.scopes],
    authorizedAt: connection.authorizedAt?.toISOString() ?? null,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    lastRefreshedAt: connection.lastRefreshedAt?.toISOString() ?? null,
    lastError: connection.lastError ? { ...connection.lastError, at: connection.lastError.at.toISOString() } : null,
    ...origin,
  };
}
