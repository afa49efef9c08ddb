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
  expires_at: EpochMsColumn;
  created_at: EpochMsColumn;
}

/** The kysely view of the database; column names are the SQL ones (snake_case). */
export interface Database {
  connectors: ConnectorsTable;
  connector_credentials: ConnectorCredentialsTable;
  apis: ApisTable;
  orgs: OrgsTable;
  connections: ConnectionsTable;
  authorization_requests: AuthorizationRequestsTable;
}
