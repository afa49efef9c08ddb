import { z } from 'zod';
import { apiSchema, createApiSchema, updateApiSchema } from './apis.js';
import { listOf } from './common.js';
import {
  authorizationStartedSchema,
  callbackQuerySchema,
  connectionSchema,
  revokeResultSchema,
  startAuthorizationSchema,
} from './connections.js';
import { connectorSchema, createConnectorSchema, credentialsSchema, setCredentialsSchema, updateConnectorSchema } from './connectors.js';
import { invokeDataSchema, invokeResultSchema } from './invoke.js';
import { createOrgSchema, orgSchema } from './orgs.js';

/** One HTTP endpoint: the single source for validation (server), types (clients) and OpenAPI. */
export interface EndpointSpec {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path: `/v1/connectors/{connector}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /**
   * Who may call it. `admin`: the admin key only. `org`: the admin key, or a key of the path's
   * org. `connector`: those, or an SDK session of the path's org (for its listed connectors,
   * from its listed origins). `none`: anyone.
   */
  readonly auth: 'admin' | 'org' | 'connector' | 'none';
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Also accepted as multipart/form-data (invoke). */
  readonly multipart?: boolean;
  readonly response: { readonly status: number; readonly schema?: z.ZodType; readonly contentType?: string };
}

const deleteConnectorQuerySchema = z
  .object({ revokeConnections: z.enum(['true', 'false']).optional() })
  .strict();

const healthSchema = z.object({ status: z.literal('ok') }).strict();

export const endpoints = {
  health: { method: 'get', path: '/health', summary: 'Liveness: the server accepts requests.', tag: 'operations', auth: 'none', response: { status: 200, schema: healthSchema } },
  ready: { method: 'get', path: '/ready', summary: 'Readiness: the database answers.', tag: 'operations', auth: 'none', response: { status: 200, schema: healthSchema } },
  openapi: { method: 'get', path: '/v1/openapi.json', summary: 'This document.', tag: 'operations', auth: 'none', response: { status: 200 } },

  createConnector: { method: 'post', path: '/v1/connectors', summary: 'Create a connector.', tag: 'connectors', auth: 'admin', body: createConnectorSchema, response: { status: 201, schema: connectorSchema } },
  listConnectors: { method: 'get', path: '/v1/connectors', summary: 'List connectors.', tag: 'connectors', auth: 'admin', response: { status: 200, schema: listOf(connectorSchema) } },
  getConnector: { method: 'get', path: '/v1/connectors/{connector}', summary: 'Get a connector.', tag: 'connectors', auth: 'admin', response: { status: 200, schema: connectorSchema } },
  updateConnector: { method: 'patch', path: '/v1/connectors/{connector}', summary: 'Change a connector (null clears an optional field).', tag: 'connectors', auth: 'admin', body: updateConnectorSchema, response: { status: 200, schema: connectorSchema } },
  deleteConnector: {
    method: 'delete',
    path: '/v1/connectors/{connector}',
    summary: 'Delete a connector. Refused with 409 while connections are live, unless revokeConnections=true (each is revoked at the provider first).',
    tag: 'connectors',
    auth: 'admin',
    query: deleteConnectorQuerySchema,
    response: { status: 204 },
  },
  setCredentials: { method: 'put', path: '/v1/connectors/{connector}/credentials', summary: 'Set the client credentials registered at the service.', tag: 'connectors', auth: 'admin', body: setCredentialsSchema, response: { status: 200, schema: credentialsSchema } },
  getCredentials: { method: 'get', path: '/v1/connectors/{connector}/credentials', summary: 'Client id, whether a secret is set, and the redirect URL to register.', tag: 'connectors', auth: 'admin', response: { status: 200, schema: credentialsSchema } },

  createApi: { method: 'post', path: '/v1/connectors/{connector}/apis', summary: 'Add an API to a connector.', tag: 'apis', auth: 'admin', body: createApiSchema, response: { status: 201, schema: apiSchema } },
  listApis: { method: 'get', path: '/v1/connectors/{connector}/apis', summary: "List a connector's APIs.", tag: 'apis', auth: 'admin', response: { status: 200, schema: listOf(apiSchema) } },
  getApi: { method: 'get', path: '/v1/connectors/{connector}/apis/{api}', summary: 'Get an API.', tag: 'apis', auth: 'admin', response: { status: 200, schema: apiSchema } },
  updateApi: { method: 'patch', path: '/v1/connectors/{connector}/apis/{api}', summary: 'Change an API.', tag: 'apis', auth: 'admin', body: updateApiSchema, response: { status: 200, schema: apiSchema } },
  deleteApi: { method: 'delete', path: '/v1/connectors/{connector}/apis/{api}', summary: 'Delete an API.', tag: 'apis', auth: 'admin', response: { status: 204 } },

  createOrg: { method: 'post', path: '/v1/orgs', summary: 'Create an org.', tag: 'orgs', auth: 'admin', body: createOrgSchema, response: { status: 201, schema: orgSchema } },
  listOrgs: { method: 'get', path: '/v1/orgs', summary: 'List orgs (`dev` always exists).', tag: 'orgs', auth: 'admin', response: { status: 200, schema: listOf(orgSchema) } },

  startAuthorization: { method: 'post', path: '/v1/orgs/{org}/connections/{connector}/authorize', summary: 'Start the OAuth 2.0 authorization code flow; open the returned URL in a browser.', tag: 'connections', auth: 'connector', body: startAuthorizationSchema, response: { status: 200, schema: authorizationStartedSchema } },
  oauthCallback: { method: 'get', path: '/v1/oauth/callback', summary: 'The redirect URL registered at the service. Renders a page; no key needed.', tag: 'connections', auth: 'none', query: callbackQuerySchema, response: { status: 200, contentType: 'text/html' } },
  listConnections: { method: 'get', path: '/v1/orgs/{org}/connections', summary: "Every connector with the org's connection status.", tag: 'connections', auth: 'org', response: { status: 200, schema: listOf(connectionSchema) } },
  getConnection: { method: 'get', path: '/v1/orgs/{org}/connections/{connector}', summary: 'Connection status (never a token).', tag: 'connections', auth: 'connector', response: { status: 200, schema: connectionSchema } },
  revokeConnection: { method: 'delete', path: '/v1/orgs/{org}/connections/{connector}', summary: 'Revoke at the provider (RFC 7009), then delete the tokens locally.', tag: 'connections', auth: 'connector', response: { status: 200, schema: revokeResultSchema } },

  invoke: {
    method: 'post',
    path: '/v1/orgs/{org}/invoke/{connector}.{api}',
    summary: "Call a connector API with the org's connection. JSON data object, or multipart/form-data (VARIABLES as a JSON field, other fields as parts, files streamed).",
    tag: 'invoke',
    auth: 'connector',
    body: invokeDataSchema,
    multipart: true,
    response: { status: 200, schema: invokeResultSchema },
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;
