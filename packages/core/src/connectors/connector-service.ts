import { randomUUID } from 'node:crypto';
import type {
  ConnectorView,
  CreateConnectorInput,
  CredentialsView,
  SetCredentialsInput,
  UpdateConnectorInput,
} from '@switchboard/contracts';
import { systemActor, type Actor } from '../access/actor.js';
import { revokeStoredConnection } from '../connections/revoke-connection.js';
import { clientSecretContext } from '../connections/secret-contexts.js';
import type { CoreDeps } from '../core-deps.js';
import type { ConnectorPatch } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Connector } from './connector.js';
import { toConnectorView } from './connector-view.js';
import { deriveApiName } from './derive-api-name.js';
import { requireConnector } from './require-connector.js';

const DEFAULT_TOKEN_PLACEMENT = { type: 'header', name: 'Authorization', prefix: 'Bearer ' } as const;

/** Connector and client-credential use-cases for builders. */
export function createConnectorService(deps: CoreDeps) {
  const { store, cipher, clock } = deps;

  const view = async (connector: Connector): Promise<ConnectorView> =>
    toConnectorView(connector, { redirectUrl: deps.redirectUrl, credentialsSet: (await store.credentials.get(connector.id)) !== undefined });

  return {
    async create(input: CreateConnectorInput): Promise<ConnectorView> {
      const apiName = input.apiName ?? deriveApiName(input.name);
      if (apiName === null) {
        throw new SwitchboardError('validation_failed', 'Cannot derive an API name from this name; give `apiName`.', {
          details: { errors: [{ path: 'apiName', message: 'required when name has no letters' }] },
        });
      }
      const now = clock.now();
      const connector: Connector = {
        id: randomUUID(),
        apiName,
        name: input.name,
        description: input.description ?? null,
        serviceName: input.serviceName,
        signupUrl: input.signupUrl ?? null,
        authorizationUrl: input.authorizationUrl,
        tokenUrl: input.tokenUrl,
        refreshUrl: input.refreshUrl ?? null,
        revokeUrl: input.revokeUrl ?? null,
        revokeUsing: input.revokeUrl ? (input.revokeUsing ?? null) : null,
        scopes: input.scopes ?? [],
        scopeSeparator: input.scopeSeparator ?? ' ',
        pkce: input.pkce ?? true,
        clientAuthMethod: input.clientAuthMethod ?? 'client_secret_post',
        authorizationParams: input.authorizationParams ?? {},
        tokenParams: input.tokenParams ?? {},
        tokenPlacement: input.tokenPlacement ?? DEFAULT_TOKEN_PLACEMENT,
        issuer: input.issuer ?? null,
        createdAt: now,
        updatedAt: now,
      };
      if (await store.connectors.getByApiName(apiName)) {
        throw new SwitchboardError('conflict', `A connector with API name '${apiName}' already exists.`, { details: { apiName } });
      }
      await store.connectors.insert(connector);
      return toConnectorView(connector, { redirectUrl: deps.redirectUrl, credentialsSet: false });
    },

    async list(): Promise<ConnectorView[]> {
      const connectors = await store.connectors.list();
      const withCredentials = await store.credentials.connectorIdsWithCredentials(connectors.map((c) => c.id));
      return connectors.map((c) => toConnectorView(c, { redirectUrl: deps.redirectUrl, credentialsSet: withCredentials.has(c.id) }));
    },

    async get(apiName: string): Promise<ConnectorView> {
      return view(await requireConnector(store, apiName));
    },

    async update(apiName: string, input: UpdateConnectorInput): Promise<ConnectorView> {
      const connector = await requireConnector(store, apiName);
      const patch: ConnectorPatch = {};
      for (const [key, value] of Object.entries(input) as Array<[keyof UpdateConnectorInput, unknown]>) {
        if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
      }
      const revokeUrl = patch.revokeUrl !== undefined ? patch.revokeUrl : connector.revokeUrl;
      const revokeUsing = patch.revokeUsing !== undefined ? patch.revokeUsing : connector.revokeUsing;
      if (revokeUrl && !revokeUsing) {
        throw new SwitchboardError('validation_failed', 'revokeUsing is required when revokeUrl is set.', {
          details: { errors: [{ path: 'revokeUsing', message: 'required when revokeUrl is set' }] },
        });
      }
      if (!revokeUrl) patch.revokeUsing = null;
      const updated = await store.connectors.update(connector.id, patch, clock.now());
      if (!updated) throw new SwitchboardError('not_found', `Connector '${apiName}' does not exist.`);
      return view(updated);
    },

    /**
     * Deleting a connector that a solution associates or a release records is refused (409
     * `in_use`). Deleting one that still holds live connections is refused (409) unless
     * `revokeConnections` is set: then each connection is revoked at the provider first, so no
     * grant is left behind at the service.
     */
    async delete(apiName: string, options: { revokeConnections?: boolean; actor?: Actor } = {}): Promise<void> {
      const connector = await requireConnector(store, apiName);
      // Checked first: solutions and releases point at its versions, and installed orgs use them.
      if (await store.solutionConnectors.isConnectorReferenced(connector.id)) {
        throw new SwitchboardError('in_use', `Connector '${apiName}' is associated with a solution or recorded in a release; dissociate it, or delete the solutions whose releases record it (releases are immutable).`, {
          details: { connector: apiName },
        });
      }
      const live = await store.connections.listLiveByConnector(connector.id);
      if (live.length > 0 && !options.revokeConnections) {
        throw new SwitchboardError('conflict', `Connector '${apiName}' has ${live.length} live connection(s); revoke them first or pass revokeConnections=true.`, {
          details: { liveConnections: live.length },
        });
      }
      // By stored connection: an org's own view of the connector (installed or not) does not matter here.
      for (const connection of live) await revokeStoredConnection(deps, connection, options.actor ?? systemActor);
      await store.connectors.delete(connector.id);
    },

    async setCredentials(apiName: string, input: SetCredentialsInput): Promise<CredentialsView> {
      const connector = await requireConnector(store, apiName);
      await store.credentials.upsert({
        connectorId: connector.id,
        clientId: input.clientId,
        clientSecretEncrypted: cipher.encrypt(input.clientSecret, clientSecretContext(connector.id)),
        updatedAt: clock.now(),
      });
      return { clientId: input.clientId, clientSecretSet: true, redirectUrl: deps.redirectUrl };
    },

    async getCredentials(apiName: string): Promise<CredentialsView> {
      const connector = await requireConnector(store, apiName);
      const credentials = await store.credentials.get(connector.id);
      return { clientId: credentials?.clientId ?? null, clientSecretSet: credentials !== undefined, redirectUrl: deps.redirectUrl };
    },
  };
}

export type ConnectorService = ReturnType<typeof createConnectorService>;
