import { z } from 'zod';
import { apiSchema, createApiSchema, updateApiSchema } from './apis.js';
import { connectorActionsSchema, setConnectorActionsSchema } from './actions.js';
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
import { eventPageSchema, listEventsQuerySchema } from './events.js';
import { createOrgSchema, orgSchema } from './orgs.js';
import { installationSchema, installSolutionSchema, uninstallResultSchema, upgradeInstallationSchema } from './installations.js';
import {
  createReleaseSchema,
  createSolutionSchema,
  pinConnectorSchema,
  releaseDetailSchema,
  releaseSchema,
  solutionConnectorSchema,
  solutionSchema,
  updateSolutionSchema,
} from './solutions.js';
import { publishConnectorSchema, publishedVersionSchema, versionSchema, versionSummarySchema } from './versions.js';
import { createOrgKeySchema, createSessionSchema, orgKeyCreatedSchema, orgKeySchema, sessionCreatedSchema } from './access.js';
import { consoleSessionSchema, consoleSignInSchema } from './console.js';
import {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  updateWebhookSchema,
  webhookCreatedSchema,
  webhookDeliveryPageSchema,
  webhookSchema,
  webhookTestQueuedSchema,
} from './webhooks.js';
import {
  createFunctionSchema,
  executeFunctionSchema,
  executionPageSchema,
  executionResultSchema,
  functionSchema,
  listExecutionsQuerySchema,
  updateFunctionSchema,
} from './functions.js';

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
   * from its listed origins). `none`: anyone. A console session cookie (`sb_console`) counts as
   * the key it was signed in with.
   */
  readonly auth: 'admin' | 'org' | 'connector' | 'none';
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Also accepted as multipart/form-data (invoke). */
  readonly multipart?: boolean;
  /** What the multipart/form-data form carries (OpenAPI); the invoke form's description when absent. */
  readonly multipartDescription?: string;
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

  createConsoleSession: {
    method: 'post',
    path: '/v1/console/session',
    summary:
      'Sign in to the web console: exchange the admin key or an org key for an HttpOnly, SameSite=Strict session cookie (sb_console, 12 hours). The key is never stored; failed attempts count against the failed-authentication limit.',
    tag: 'console',
    auth: 'none',
    body: consoleSignInSchema,
    response: { status: 201, schema: consoleSessionSchema },
  },
  getConsoleSession: {
    method: 'get',
    path: '/v1/console/session',
    summary: 'Who the console session cookie is signed in as; 401 when there is none or it has ended.',
    tag: 'console',
    auth: 'none',
    response: { status: 200, schema: consoleSessionSchema },
  },
  deleteConsoleSession: {
    method: 'delete',
    path: '/v1/console/session',
    summary: 'Sign out: end the console session and clear its cookie (with the cookie, send X-Switchboard-CSRF: 1).',
    tag: 'console',
    auth: 'none',
    response: { status: 204 },
  },

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

  publishConnector: {
    method: 'post',
    path: '/v1/connectors/{connector}/publish',
    summary:
      'Publish an immutable version of the connector and all its APIs. JSON with `logo` as base64 or a data URL, or multipart/form-data with a `logo` file part. The logo is a PNG, JPEG or plain-drawing SVG of at most 256 KB, typed by its content.',
    tag: 'versions',
    auth: 'admin',
    body: publishConnectorSchema,
    multipart: true,
    multipartDescription: 'logo (a PNG, JPEG or SVG file of at most 256 KB; its declared type must match its content), supportEmail, releaseNotes.',
    response: { status: 201, schema: publishedVersionSchema },
  },
  listVersions: { method: 'get', path: '/v1/connectors/{connector}/versions', summary: "The connector's published versions, newest first.", tag: 'versions', auth: 'admin', response: { status: 200, schema: listOf(versionSummarySchema) } },
  getVersion: { method: 'get', path: '/v1/connectors/{connector}/versions/{n}', summary: 'A published version: the connector and its APIs as they were published.', tag: 'versions', auth: 'admin', response: { status: 200, schema: versionSchema } },
  getVersionLogo: { method: 'get', path: '/v1/connectors/{connector}/versions/{n}/logo', summary: "A published version's logo (immutable; served with nosniff and a sandboxing Content-Security-Policy).", tag: 'versions', auth: 'admin', response: { status: 200, contentType: 'image/*' } },

  createSolution: { method: 'post', path: '/v1/solutions', summary: 'Create a solution: connectors that subscriber orgs install together.', tag: 'solutions', auth: 'admin', body: createSolutionSchema, response: { status: 201, schema: solutionSchema } },
  listSolutions: { method: 'get', path: '/v1/solutions', summary: 'List solutions.', tag: 'solutions', auth: 'admin', response: { status: 200, schema: listOf(solutionSchema) } },
  getSolution: { method: 'get', path: '/v1/solutions/{solution}', summary: 'Get a solution.', tag: 'solutions', auth: 'admin', response: { status: 200, schema: solutionSchema } },
  updateSolution: { method: 'patch', path: '/v1/solutions/{solution}', summary: 'Change a solution (null clears the description).', tag: 'solutions', auth: 'admin', body: updateSolutionSchema, response: { status: 200, schema: solutionSchema } },
  deleteSolution: { method: 'delete', path: '/v1/solutions/{solution}', summary: 'Delete a solution with its associations and releases. Refused with 409 in_use while any org has it installed.', tag: 'solutions', auth: 'admin', response: { status: 204 } },
  listSolutionConnectors: { method: 'get', path: '/v1/solutions/{solution}/connectors', summary: "The solution's connectors and the published version each is pinned at.", tag: 'solutions', auth: 'admin', response: { status: 200, schema: listOf(solutionConnectorSchema) } },
  pinSolutionConnector: { method: 'put', path: '/v1/solutions/{solution}/connectors/{connector}', summary: 'Associate a connector with the solution at a published version, or move the pin.', tag: 'solutions', auth: 'admin', body: pinConnectorSchema, response: { status: 200, schema: solutionConnectorSchema } },
  unpinSolutionConnector: { method: 'delete', path: '/v1/solutions/{solution}/connectors/{connector}', summary: 'Dissociate a connector from the solution (releases keep what they recorded).', tag: 'solutions', auth: 'admin', response: { status: 204 } },
  createRelease: { method: 'post', path: '/v1/solutions/{solution}/releases', summary: 'Cut an immutable release recording the pinned connector versions, the functions and the connector actions. The version (semver) must be greater than every earlier release.', tag: 'solutions', auth: 'admin', body: createReleaseSchema, response: { status: 201, schema: releaseSchema } },
  listReleases: { method: 'get', path: '/v1/solutions/{solution}/releases', summary: "The solution's releases, newest first.", tag: 'solutions', auth: 'admin', response: { status: 200, schema: listOf(releaseSchema) } },
  getRelease: {
    method: 'get',
    path: '/v1/solutions/{solution}/releases/{release}',
    summary: 'A release and what it records: the connector versions, the functions (with their source) and the connector actions.',
    tag: 'solutions',
    auth: 'admin',
    response: { status: 200, schema: releaseDetailSchema },
  },

  createOrg: { method: 'post', path: '/v1/orgs', summary: 'Create an org.', tag: 'orgs', auth: 'admin', body: createOrgSchema, response: { status: 201, schema: orgSchema } },
  listOrgs: { method: 'get', path: '/v1/orgs', summary: 'List orgs (`dev` always exists).', tag: 'orgs', auth: 'admin', response: { status: 200, schema: listOf(orgSchema) } },

  installSolution: {
    method: 'post',
    path: '/v1/orgs/{org}/installations',
    summary: "Install a solution release in a subscriber org: its connectors (at the release's versions) join the org's checklist. Org `dev` uses every draft and takes no installations (409).",
    tag: 'installations',
    auth: 'admin',
    body: installSolutionSchema,
    response: { status: 201, schema: installationSchema },
  },
  listInstallations: {
    method: 'get',
    path: '/v1/orgs/{org}/installations',
    summary: "The org's installed solutions, their releases, the connector versions each brings and the newer release available, if any.",
    tag: 'installations',
    auth: 'org',
    response: { status: 200, schema: listOf(installationSchema) },
  },
  upgradeInstallation: {
    method: 'put',
    path: '/v1/orgs/{org}/installations/{solution}',
    summary:
      "Upgrade to a newer release (the same release is a no-op; an older one is 409 downgrade_refused). Connections whose connector now asks for new scopes or endpoints need re-authorization. The org's own key may upgrade it; installing and uninstalling need the admin key.",
    tag: 'installations',
    auth: 'org',
    body: upgradeInstallationSchema,
    response: { status: 200, schema: installationSchema },
  },
  uninstallSolution: {
    method: 'delete',
    path: '/v1/orgs/{org}/installations/{solution}',
    summary: "Uninstall, then revoke at the provider the org's connections of connectors no other installed solution brings.",
    tag: 'installations',
    auth: 'admin',
    response: { status: 200, schema: uninstallResultSchema },
  },

  createOrgKey: { method: 'post', path: '/v1/orgs/{org}/keys', summary: 'Create an org key. The key is in this answer only; Switchboard keeps a hash.', tag: 'access', auth: 'admin', body: createOrgKeySchema, response: { status: 201, schema: orgKeyCreatedSchema } },
  listOrgKeys: { method: 'get', path: '/v1/orgs/{org}/keys', summary: "The org's keys (never the keys themselves).", tag: 'access', auth: 'admin', response: { status: 200, schema: listOf(orgKeySchema) } },
  revokeOrgKey: { method: 'delete', path: '/v1/orgs/{org}/keys/{key}', summary: 'Revoke an org key at once; the SDK sessions it minted end with it.', tag: 'access', auth: 'admin', response: { status: 204 } },
  createSession: {
    method: 'post',
    path: '/v1/orgs/{org}/sessions',
    summary: "Mint a short-lived SDK session token (org key only) for browser widgets: accepted on the org's connector routes, for the listed connectors, from the listed origins.",
    tag: 'access',
    auth: 'org',
    body: createSessionSchema,
    response: { status: 201, schema: sessionCreatedSchema },
  },

  startAuthorization: { method: 'post', path: '/v1/orgs/{org}/connections/{connector}/authorize', summary: 'Start the OAuth 2.0 authorization code flow; open the returned URL in a browser.', tag: 'connections', auth: 'connector', body: startAuthorizationSchema, response: { status: 200, schema: authorizationStartedSchema } },
  oauthCallback: { method: 'get', path: '/v1/oauth/callback', summary: 'The redirect URL registered at the service. Renders a page; no key needed.', tag: 'connections', auth: 'none', query: callbackQuerySchema, response: { status: 200, contentType: 'text/html' } },
  listConnections: { method: 'get', path: '/v1/orgs/{org}/connections', summary: "Every connector with the org's connection status.", tag: 'connections', auth: 'org', response: { status: 200, schema: listOf(connectionSchema) } },
  getConnection: { method: 'get', path: '/v1/orgs/{org}/connections/{connector}', summary: 'Connection status (never a token).', tag: 'connections', auth: 'connector', response: { status: 200, schema: connectionSchema } },
  getConnectionLogo: {
    method: 'get',
    path: '/v1/orgs/{org}/connections/{connector}/logo',
    summary:
      "The connector's logo as the org shows it: a subscriber org's installed version's, org dev's latest published version's (404 when that version has none). Served with nosniff and a sandboxing Content-Security-Policy.",
    tag: 'connections',
    auth: 'connector',
    response: { status: 200, contentType: 'image/*' },
  },
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

  listEvents: {
    method: 'get',
    path: '/v1/orgs/{org}/events',
    summary: "The org's audit events, newest first; pass nextCursor as cursor for the next page. Filter by type and connector.",
    tag: 'events',
    auth: 'org',
    query: listEventsQuerySchema,
    response: { status: 200, schema: eventPageSchema },
  },

  createFunction: {
    method: 'post',
    path: '/v1/solutions/{solution}/functions',
    summary: 'Add a function to the solution: an ES2022 module exporting `async function main(args, context)`. A syntax error is 400 validation_failed with its line and column.',
    tag: 'functions',
    auth: 'admin',
    body: createFunctionSchema,
    response: { status: 201, schema: functionSchema },
  },
  listFunctions: { method: 'get', path: '/v1/solutions/{solution}/functions', summary: "The solution's (draft) functions.", tag: 'functions', auth: 'admin', response: { status: 200, schema: listOf(functionSchema) } },
  getFunction: { method: 'get', path: '/v1/solutions/{solution}/functions/{function}', summary: 'Get a function with its source.', tag: 'functions', auth: 'admin', response: { status: 200, schema: functionSchema } },
  updateFunction: {
    method: 'patch',
    path: '/v1/solutions/{solution}/functions/{function}',
    summary: 'Change a function (null resets a limit to its default). Releases keep the source they recorded.',
    tag: 'functions',
    auth: 'admin',
    body: updateFunctionSchema,
    response: { status: 200, schema: functionSchema },
  },
  deleteFunction: { method: 'delete', path: '/v1/solutions/{solution}/functions/{function}', summary: 'Delete a function (releases keep theirs).', tag: 'functions', auth: 'admin', response: { status: 204 } },
  executeFunction: {
    method: 'post',
    path: '/v1/orgs/{org}/functions/{solution}.{function}/execute',
    summary:
      "Run a function for the org: `dev` runs the solution's current functions, a subscriber org the function as recorded in the release it has installed. Failure is a problem with code function_error (message and stack), function_timeout, function_memory_exceeded or function_limit_exceeded.",
    tag: 'functions',
    auth: 'org',
    body: executeFunctionSchema,
    response: { status: 200, schema: executionResultSchema },
  },
  listExecutions: {
    method: 'get',
    path: '/v1/orgs/{org}/executions',
    summary: "The org's function runs with their logs and outcome, newest first; pass nextCursor as cursor for the next page.",
    tag: 'functions',
    auth: 'org',
    query: listExecutionsQuerySchema,
    response: { status: 200, schema: executionPageSchema },
  },

  createWebhook: { method: 'post', path: '/v1/webhooks', summary: 'Create a webhook. Its signing secret (whsec_…) is in this answer only.', tag: 'webhooks', auth: 'admin', body: createWebhookSchema, response: { status: 201, schema: webhookCreatedSchema } },
  getConnectorActions: {
    method: 'get',
    path: '/v1/solutions/{solution}/connectors/{connector}/actions',
    summary: "The connector's actions in the solution (draft): the function run on authorization and on revocation, or null.",
    tag: 'functions',
    auth: 'admin',
    response: { status: 200, schema: connectorActionsSchema },
  },
  setConnectorActions: {
    method: 'put',
    path: '/v1/solutions/{solution}/connectors/{connector}/actions',
    summary:
      'Name a function of the solution to run for an org when it authorizes (onAuthorize) or revokes (onRevoke, also on uninstall) the connector; null clears one. Runs after the OAuth callback answered, from a durable job, and are listed in the org executions. Subscriber orgs run what their installed release recorded.',
    tag: 'functions',
    auth: 'admin',
    body: setConnectorActionsSchema,
    response: { status: 200, schema: connectorActionsSchema },
  },
  listWebhooks: { method: 'get', path: '/v1/webhooks', summary: 'Every webhook (never the secret).', tag: 'webhooks', auth: 'admin', response: { status: 200, schema: listOf(webhookSchema) } },
  getWebhook: { method: 'get', path: '/v1/webhooks/{webhook}', summary: 'Get a webhook (never the secret).', tag: 'webhooks', auth: 'admin', response: { status: 200, schema: webhookSchema } },
  updateWebhook: { method: 'patch', path: '/v1/webhooks/{webhook}', summary: 'Change the URL, events or description (null clears the description).', tag: 'webhooks', auth: 'admin', body: updateWebhookSchema, response: { status: 200, schema: webhookSchema } },
  deleteWebhook: { method: 'delete', path: '/v1/webhooks/{webhook}', summary: 'Delete a webhook with its delivery log; queued deliveries are dropped.', tag: 'webhooks', auth: 'admin', response: { status: 204 } },
  listWebhookDeliveries: {
    method: 'get',
    path: '/v1/webhooks/{webhook}/deliveries',
    summary: 'Delivery attempts, newest first, with status, response status and timing; pass nextCursor as cursor for the next page.',
    tag: 'webhooks',
    auth: 'admin',
    query: listDeliveriesQuerySchema,
    response: { status: 200, schema: webhookDeliveryPageSchema },
  },
  testWebhook: { method: 'post', path: '/v1/webhooks/{webhook}/test', summary: 'Queue a webhook.test event for delivery (signed and retried like any other).', tag: 'webhooks', auth: 'admin', response: { status: 202, schema: webhookTestQueuedSchema } },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;
