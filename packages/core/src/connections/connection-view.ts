import type { ConnectionView } from '@switchboard/contracts';
import type { OrgConnector } from '../installations/installation.js';
import type { Connection } from './connection.js';

/**
 * The public shape of a connection: status, timestamps, the connector as the org sees it (name,
 * description, logo) and where it comes from; never a token. `logoUrl` is the org's logo route, or
 * null when the version it shows has no logo (see `logoVersionOf`).
 */
export function toConnectionView(orgConnector: OrgConnector, connection: Connection | undefined, logoUrl: string | null): ConnectionView {
  const { connector } = orgConnector;
  const about = { connector: connector.apiName, name: connector.name, description: connector.description, logoUrl };
  const origin = { solutions: [...orgConnector.solutions], version: orgConnector.version };
  if (!connection) {
    return { ...about, status: 'not_authorized', scopes: [], authorizedAt: null, expiresAt: null, lastRefreshedAt: null, lastError: null, ...origin };
  }
  return {
    ...about,
    status: connection.status,
    scopes: [...connection.scopes],
    authorizedAt: connection.authorizedAt?.toISOString() ?? null,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    lastRefreshedAt: connection.lastRefreshedAt?.toISOString() ?? null,
    lastError: connection.lastError ? { ...connection.lastError, at: connection.lastError.at.toISOString() } : null,
    ...origin,
  };
}
