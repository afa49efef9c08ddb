import type { CoreDeps } from '../core-deps.js';
import { completeAuthorization } from './complete-authorization.js';
import { getConnectionLogo } from './connection-logo.js';
import { getConnection, listConnections } from './connection-queries.js';
import { revokeConnection } from './revoke-connection.js';
import { startAuthorization } from './start-authorization.js';

/** The connection use-cases bound to their dependencies, for the HTTP edge. */
export function createConnectionService(deps: CoreDeps) {
  return {
    startAuthorization: (input: Parameters<typeof startAuthorization>[1]) => startAuthorization(deps, input),
    completeAuthorization: (query: Readonly<Record<string, string>>) => completeAuthorization(deps, query),
    get: (input: Parameters<typeof getConnection>[1]) => getConnection(deps, input),
    list: (input: Parameters<typeof listConnections>[1]) => listConnections(deps, input),
    /** The logo the org shows for the connector (its installed version's; `dev`: the latest published one's). */
    logo: (input: Parameters<typeof getConnectionLogo>[1]) => getConnectionLogo(deps.store, input),
    revoke: (input: Parameters<typeof revokeConnection>[1]) => revokeConnection(deps, input),
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
