import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector } from '../connectors/connector.js';
import { orgConnectorMissing } from '../connections/require-org-connector.js';
import type { Connection } from '../connections/connection.js';
import type { TokenProvider, UsableToken } from '../connections/token-provider.js';
import type { CoreDeps } from '../core-deps.js';
import { orgNotFound } from '../orgs/require-org.js';
import { SwitchboardError, isSwitchboardError } from '../switchboard-error.js';
import type { Actor } from '../access/actor.js';
import { newEvent } from '../events/new-event.js';
import { applyTokenPlacement } from './apply-token-placement.js';
import { encodeMultipart } from './encode-multipart.js';
import { mapUpstreamResponse, type InvokeResult } from './map-upstream-response.js';
import type { NormalizedInvokeData } from './normalize-invoke-data.js';
import { renderRequest } from './render-request.js';
import type { RenderedRequest } from './rendered-request.js';

export interface InvokeRequest {
  readonly orgId: string;
  readonly connectorApiName: string;
  readonly apiName: string;
  readonly data: NormalizedInvokeData;
  /** Who calls: recorded in the `api.invoked` event. */
  readonly actor: Actor;
}

interface Reached {
  connector?: string;
  api?: string;
}

/**
 * The engine behind `invokeConnector` and the SDK's `invokeAPI`. Steps, in order:
 * resolve (org, connector, API and connection in one read) → current token (no I/O) → render
 * (all validation, before any network I/O) → fresh token (refresh if expiring) → send → on 401
 * one forced refresh and one retry (RFC 6750 §3.1) → map response.
 */
export function createInvokeService(deps: CoreDeps, tokens: TokenProvider) {
  const { store } = deps;

  /** Org, connector, API and connection in one store round trip; the first missing one is the error. */
  const resolve = async (request: InvokeRequest): Promise<{ connector: Connector; api: ApiDefinition; connection: Connection | undefined }> => {
    const { org, connector, api, connection } = await store.invocations.load(request.orgId, request.connectorApiName, request.apiName);
    if (!org) throw orgNotFound(request.orgId);
    // `load` gives the draft in `dev` and the installed snapshot elsewhere (undefined: not installed).
    if (!connector) throw orgConnectorMissing(request.orgId, request.connectorApiName);
    if (!api) {
      throw new SwitchboardError('not_found', `API '${connector.apiName}.${request.apiName}' does not exist.`, {
        details: { api: `${connector.apiName}.${request.apiName}` },
      });
    }
    return { connector, api, connection };
  };

  const render = (api: ApiDefinition, data: NormalizedInvokeData, token: UsableToken): RenderedRequest =>
    renderRequest({
      api,
      variables: data.variables,
      // A getter: `token.fields` decrypts on first read, needed only by `${connection.*}`.
      get connectionFields() {
        return token.fields;
      },
      parts: data.parts,
      file: data.file,
      contentTypeOverride: data.contentType,
    });

  const send = (request: RenderedRequest, connector: Connector, token: UsableToken): Promise<Response> => {
    const withToken = applyTokenPlacement(request, connector.tokenPlacement, token.accessToken);
    // The rendered pairs go to fetch as they are (a `HeadersInit`): it validates and combines them
    // as `new Headers` would, without building a second Headers object first.
    let headers = withToken.headers;
    // Rendered bodies are always backed by a plain ArrayBuffer (never shared memory).
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (withToken.body.kind === 'bytes') body = withToken.body.bytes as Uint8Array<ArrayBuffer>;
    if (withToken.body.kind === 'multipart') {
      const encoded = encodeMultipart(withToken.body.parts);
      // Replaces any Content-Type, as Headers#set did: only the encoder knows the boundary.
      headers = [...headers.filter(([name]) => name.toLowerCase() !== 'content-type'), ['content-type', encoded.contentType]];
      body = encoded.bytes as Uint8Array<ArrayBuffer>;
    }
    return deps.fetch(withToken.url, { method: withToken.method, headers, ...(body ? { body } : {}) });
  };

  /** The pipeline; `reached` names the API once it resolved, so a failure after that is recorded against it. */
  const perform = async (request: InvokeRequest, reached: Reached): Promise<InvokeResult> => {
    const { connector, api, connection } = await resolve(request);
    reached.connector = connector.apiName;
    reached.api = api.apiName;
    const current = tokens.current(connection, connector);
    let token = current.token;
    let rendered = render(api, request.data, token);
    if (current.needsRefresh) {
      token = await tokens.getAccessToken(request.orgId, connector);
      if (token.generation !== current.token.generation) rendered = render(api, request.data, token);
    }
    let response = await send(rendered, connector, token);
    if (response.status === 401) {
      await response.body?.cancel();
      const rejected = token.generation;
      token = await tokens.getAccessToken(request.orgId, connector, { rejectedGeneration: rejected });
      rendered = render(api, request.data, token);
      response = await send(rendered, connector, token);
    }
    return mapUpstreamResponse(response);
  };

  /**
   * `api.invoked` to the buffered sink: names, the upstream status or the error code, and the
   * duration only, never a body or a token. The duration comes from the monotonic timer, not
   * the injected clock (which tests hold still).
   */
  const recordInvoked = (request: InvokeRequest, reached: Reached, at: Date, startedMs: number, outcome: { upstreamStatus: number } | { error: string }) => {
    deps.events.record(
      newEvent(deps, {
        orgId: request.orgId,
        type: 'api.invoked',
        connector: reached.connector ?? null,
        actor: request.actor,
        at,
        data: { api: reached.api ?? null, ...outcome, durationMs: Math.round(performance.now() - startedMs) },
      }),
    );
  };

  return {
    async invoke(request: InvokeRequest): Promise<InvokeResult> {
      const at = deps.clock.now();
      const startedMs = performance.now();
      const reached: Reached = {};
      try {
        const result = await perform(request, reached);
        recordInvoked(request, reached, at, startedMs, { upstreamStatus: result.status });
        return result;
      } catch (error) {
        // Calls that named no API of the org (unknown org, connector or API) are not recorded:
        // they touched nothing, and recording them would let any caller fill the audit trail.
        if (reached.api !== undefined) recordInvoked(request, reached, at, startedMs, { error: isSwitchboardError(error) ? error.code : 'internal_error' });
        throw error;
      }
    },
  };
}

export type InvokeService = ReturnType<typeof createInvokeService>;
