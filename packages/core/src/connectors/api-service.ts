import { randomUUID } from 'node:crypto';
import type { ApiView, CreateApiInput, UpdateApiInput } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { declaredVariables } from '../invoke/declared-variables.js';
import { validateUrlTemplate } from '../invoke/validate-url-template.js';
import type { ApiPatch } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { ApiDefinition } from './api-definition.js';
import type { Connector } from './connector.js';
import { deriveApiName } from './derive-api-name.js';
import { requireConnector } from './require-connector.js';

export function toApiView(connector: Connector, api: ApiDefinition): ApiView {
  return {
    id: api.id,
    connector: connector.apiName,
    apiName: api.apiName,
    identifier: `${connector.apiName}.${api.apiName}`,
    name: api.name,
    description: api.description,
    method: api.method,
    url: api.url,
    headers: { ...api.headers },
    query: { ...api.query },
    body: api.body,
    variables: declaredVariables(api),
    createdAt: api.createdAt.toISOString(),
    updatedAt: api.updatedAt.toISOString(),
  };
}

/** Reject a URL template whose origin could come from a request variable, at definition time. */
function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  const problem = validateUrlTemplate(url);
  if (problem !== null) {
    throw new SwitchboardError('validation_failed', `The API URL is not usable: ${problem}.`, { details: { errors: [{ path: 'body.url', message: problem }] } });
  }
}

/** The named APIs of a connector (the seed's "Add APIs"). */
export function createApiService(deps: CoreDeps) {
  const { store, clock } = deps;

  const requireApi = async (connector: Connector, apiName: string): Promise<ApiDefinition> => {
    const api = await store.apis.get(connector.id, apiName);
    if (!api) throw new SwitchboardError('not_found', `API '${connector.apiName}.${apiName}' does not exist.`, { details: { api: `${connector.apiName}.${apiName}` } });
    return api;
  };

  return {
    requireApi,
    async create(connectorApiName: string, input: CreateApiInput): Promise<ApiView> {
      const connector = await requireConnector(store, connectorApiName);
      checkUrl(input.url);
      const apiName = input.apiName ?? deriveApiName(input.name);
      if (apiName === null) {
        throw new SwitchboardError('validation_failed', 'Cannot derive an API name from this name; give `apiName`.', {
          details: { errors: [{ path: 'body.apiName', message: 'required when name has no letters' }] },
        });
      }
      if (await store.apis.get(connector.id, apiName)) {
        throw new SwitchboardError('conflict', `API '${connector.apiName}.${apiName}' already exists.`, { details: { apiName } });
      }
      const now = clock.now();
      const api: ApiDefinition = {
        id: randomUUID(),
        connectorId: connector.id,
        apiName,
        name: input.name,
        description: input.description ?? null,
        method: input.method,
        url: input.url,
        headers: input.headers ?? {},
        query: input.query ?? {},
        body: input.body ?? { type: 'none' },
        createdAt: now,
        updatedAt: now,
      };
      await store.apis.insert(api);
      return toApiView(connector, api);
    },
    async list(connectorApiName: string): Promise<ApiView[]> {
      const connector = await requireConnector(store, connectorApiName);
      return (await store.apis.list(connector.id)).map((api) => toApiView(connector, api));
    },
    async get(connectorApiName: string, apiName: string): Promise<ApiView> {
      const connector = await requireConnector(store, connectorApiName);
      return toApiView(connector, await requireApi(connector, apiName));
    },
    async update(connectorApiName: string, apiName: string, input: UpdateApiInput): Promise<ApiView> {
      const connector = await requireConnector(store, connectorApiName);
      await requireApi(connector, apiName);
      checkUrl(input.url);
      const patch: ApiPatch = {};
      for (const [key, value] of Object.entries(input) as Array<[keyof UpdateApiInput, unknown]>) {
        if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
      }
      const updated = await store.apis.update(connector.id, apiName, patch, clock.now());
      if (!updated) throw new SwitchboardError('not_found', `API '${connector.apiName}.${apiName}' does not exist.`);
      return toApiView(connector, updated);
    },
    async delete(connectorApiName: string, apiName: string): Promise<void> {
      const connector = await requireConnector(store, connectorApiName);
      if (!(await store.apis.delete(connector.id, apiName))) {
        throw new SwitchboardError('not_found', `API '${connector.apiName}.${apiName}' does not exist.`);
      }
    },
  };
}

export type ApiService = ReturnType<typeof createApiService>;
