import type { ColumnType } from 'kysely';

/**
 * A point in time as epoch milliseconds in a BIGINT column. Both dialects compare it as a number
 * (no collation or time-zone questions). SQLite reads it back as a number, pg as a string (int8
 * can exceed 2^53), so the select type is `number | string` and rows must go through `fromDbDate`.
 */
export type EpochMsColumn = ColumnType<number | string, number, number>;
export type NullableEpochMsColumn = ColumnType<number | string | null, number | null, number | null>;

/** JSON text; parsed only by `fromDbJson`. */
export type JsonColumn = string;

/** A boolean as INTEGER 0/1: the one representation both dialects share. */
export type BooleanColumn = number;

export interface ConnectorsTable {
  id: string;
  api_name: string;
  name: string;
  description: string | null;
  service_name: string;
  signup_url: string | null;
  authorization_url: string;
  token_url: string;
  refresh_url: string | null;
  revoke_url: string | null;
  revoke_using: 'access_token' | 'refresh_token' | null;
  scopes: JsonColumn;
  scope_separator: string;
  pkce: BooleanColumn;
  client_auth_method: 'client_secret_post' | 'client_secret_basic';
  authorization_params: JsonColumn;
  token_params: JsonColumn;
  token_placement: JsonColumn;
  issuer: string | null;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

export interface ConnectorCredentialsTable {
  connector_id: string;
  client_id: string;
  client_secret_encrypted: string;
  updated_at: EpochMsColumn;
}

export interface ApisTable {
  id: string;
  connector_id: string;
  api_name: string;
  name: string;
  description: string | null;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  url: string;
  headers: JsonColumn;
  query: JsonColumn;
  body: JsonColumn;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

export interface OrgsTable {
  id: string;
  name: string;
  created_at: EpochMsColumn;
}

export interface ConnectionsTable {
  id: string;
  org_id: string;
  connector_id: string;
  status: 'authorized' | 'not_authorized' | 'needs_reauthorization';
  scopes: JsonColumn;
  access_token_encrypted: string | null;
  refresh_token_encrypted: string | null;
  token_type: string | null;
  expires_at: NullableEpochMsColumn;
  fields_encrypted: string | null;
  authorized_at: NullableEpochMsColumn;
  last_refreshed_at: NullableEpochMsColumn;
  /** `{ code, message, at }` with `at` in epoch ms, or null. */
  last_error: JsonColumn | null;
  token_generation: number;
  /** Migration 0003: the connector version consented to; null for the `dev` org's draft. */
  consented_version: number | null;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

export interface AuthorizationRequestsTable {
  state_hash: string;
  org_id: string;
  connector_id: string;
  code_verifier_encrypted: string | null;
  redirect_uri: string;
  return_to: string | null;
  /** Migration 0003. */
  connector_version: number | null;
  /** Migration 0003; rows from before it hold ''. */
  opener_origin: string;
  /** Migration 0003: the Actor who started the flow, as JSON; rows from before it hold the system actor. */
  actor: JsonColumn;
  expires_at: EpochMsColumn;
  created_at: EpochMsColumn;
}

// --- 0002-distribution: published versions, solutions, releases, installations ---

export interface ConnectorVersionsTable {
  id: string;
  connector_id: string;
  version: number;
  /** The Connector as published (`StoredConnector`, dates in epoch ms). */
  connector: JsonColumn;
  support_email: string;
  release_notes: string;
  /** The logo bytes (BYTEA; Buffer in and out on both drivers), read only by `getLogo`. */
  logo: Uint8Array | null;
  logo_content_type: 'image/png' | 'image/jpeg' | 'image/svg+xml' | null;
  published_at: EpochMsColumn;
}

export interface ConnectorVersionApisTable {
  version_id: string;
  api_name: string;
  /** The ApiDefinition as published (`StoredApiDefinition`, dates in epoch ms). */
  definition: JsonColumn;
}

export interface SolutionsTable {
  id: string;
  api_name: string;
  name: string;
  description: string | null;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

export interface SolutionConnectorsTable {
  solution_id: string;
  connector_id: string;
  version: number;
  updated_at: EpochMsColumn;
}

export interface SolutionReleasesTable {
  id: string;
  solution_id: string;
  version: string;
  notes: string | null;
  created_at: EpochMsColumn;
}

export interface ReleaseConnectorsTable {
  release_id: string;
  connector_id: string;
  connector_api_name: string;
  version: number;
}

export interface InstallationsTable {
  id: string;
  org_id: string;
  solution_id: string;
  release_id: string;
  installed_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

export interface InstalledConnectorsTable {
  org_id: string;
  connector_id: string;
  version_id: string;
  version: number;
  /** JSON array of solution ids. */
  solution_ids: JsonColumn;
}

/** Migration 0003. */
export interface OrgKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  created_at: EpochMsColumn;
  last_used_at: NullableEpochMsColumn;
}

/** Migration 0003. */
export interface SdkSessionsTable {
  id: string;
  org_id: string;
  key_id: string;
  secret_hash: string;
  /** JSON array of origins. */
  allowed_origins: JsonColumn;
  /** JSON array of connector API names, or null for all. */
  connectors: JsonColumn | null;
  expires_at: EpochMsColumn;
  created_at: EpochMsColumn;
}

/** Migration 0008: console sign-in sessions. */
export interface ConsoleSessionsTable {
  id: string;
  secret_hash: string;
  kind: 'admin' | 'org';
  /** Org sessions only. */
  org_id: string | null;
  /** Org sessions only: the org key (cascade). */
  key_id: string | null;
  /** Admin sessions only. */
  admin_fingerprint: string | null;
  expires_at: EpochMsColumn;
  created_at: EpochMsColumn;
}

/** Migration 0003. */
export interface EventsTable {
  id: string;
  org_id: string;
  type: string;
  connector: string | null;
  /** JSON `Actor`. */
  actor: JsonColumn;
  /** JSON object. */
  data: JsonColumn;
  at: EpochMsColumn;
}

/** Migration 0004: durable jobs. */
export interface JobsTable {
  id: string;
  type: string;
  /** JSON value. */
  payload: JsonColumn;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  run_at: EpochMsColumn;
  locked_by: string | null;
  locked_until: NullableEpochMsColumn;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

/** Migration 0005: a solution's draft functions. */
export interface FunctionsTable {
  id: string;
  solution_id: string;
  api_name: string;
  name: string;
  source: string;
  timeout_ms: number;
  memory_mb: number;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

/** Migration 0005: the functions a release recorded. */
export interface ReleaseFunctionsTable {
  release_id: string;
  api_name: string;
  name: string;
  source: string;
  timeout_ms: number;
  memory_mb: number;
}

/** Migration 0005: an org's function runs. */
export interface ExecutionsTable {
  id: string;
  org_id: string;
  solution: string;
  function: string;
  trigger: 'manual' | 'authorized' | 'revoked';
  status: 'succeeded' | 'failed';
  error_code: string | null;
  error_message: string | null;
  /** JSON array of `FunctionLog`, bounded by the core. */
  logs: JsonColumn;
  logs_truncated: BooleanColumn;
  duration_ms: number;
  connector_calls: number;
  started_at: EpochMsColumn;
}

/** Migration 0006: a webhook; the secret only encrypted. */
export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of webhook event types. */
  events: JsonColumn;
  description: string | null;
  secret_encrypted: string;
  created_at: EpochMsColumn;
  updated_at: EpochMsColumn;
}

/** Migration 0006: one delivery attempt. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  started_at: EpochMsColumn;
  finished_at: EpochMsColumn;
}

/** Migration 0006: the webhook dispatcher's position in the audit log. */
export interface WebhookDispatchPositionsTable {
  name: string;
  at: EpochMsColumn;
  event_id: string;
}

/** The kysely view of the database; column names are the SQL ones (snake_case). */
export interface Database {
  connectors: ConnectorsTable;
  connector_credentials: ConnectorCredentialsTable;
  apis: ApisTable;
  orgs: OrgsTable;
  connections: ConnectionsTable;
  authorization_requests: AuthorizationRequestsTable;
  connector_versions: ConnectorVersionsTable;
  connector_version_apis: ConnectorVersionApisTable;
  solutions: SolutionsTable;
  solution_connectors: SolutionConnectorsTable;
  solution_releases: SolutionReleasesTable;
  release_connectors: ReleaseConnectorsTable;
  installations: InstallationsTable;
  installed_connectors: InstalledConnectorsTable;
  org_keys: OrgKeysTable;
  sdk_sessions: SdkSessionsTable;
  console_sessions: ConsoleSessionsTable;
  events: EventsTable;
  functions: FunctionsTable;
  release_functions: ReleaseFunctionsTable;
  executions: ExecutionsTable;
  jobs: JobsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_dispatch_positions: WebhookDispatchPositionsTable;
  connector_actions: ConnectorActionsTable;
  release_actions: ReleaseActionsTable;
}

/** Migration 0007: a solution's draft connector actions. */
export interface ConnectorActionsTable {
  solution_id: string;
  connector_id: string;
  on_authorize: string | null;
  on_revoke: string | null;
  updated_at: EpochMsColumn;
}

/** Migration 0007: the connector actions a release recorded. */
export interface ReleaseActionsTable {
  release_id: string;
  connector_id: string;
  on_authorize: string | null;
  on_revoke: string | null;
}
