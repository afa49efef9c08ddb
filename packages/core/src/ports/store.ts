import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector, ConnectorCredentials } from '../connectors/connector.js';
import type { Connection, ConnectionError, ConnectionTokens } from '../connections/connection.js';
import type { AuthorizationRequest } from '../oauth/authorization-request.js';
import type { Org } from '../orgs/org.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** Fields a caller may change on a connector; ids and timestamps are the store's. */
export type ConnectorPatch = Partial<Omit<Mutable<Connector>, 'id' | 'apiName' | 'createdAt' | 'updatedAt'>>;
export type ApiPatch = Partial<Omit<Mutable<ApiDefinition>, 'id' | 'connectorId' | 'apiName' | 'createdAt' | 'updatedAt'>>;

/**
 * Storage port. Unique-key violations are thrown as `SwitchboardError('conflict')`; a missing
 * row on update/delete returns `undefined` / `false` rather than throwing.
 */
export interface ConnectorRepository {
  insert(connector: Connector): Promise<void>;
  get(id: string): Promise<Connector | undefined>;
  getByApiName(apiName: string): Promise<Connector | undefined>;
  list(): Promise<Connector[]>;
  update(id: string, patch: ConnectorPatch, updatedAt: Date): Promise<Connector | undefined>;
  /** Deletes the connector with its credentials, APIs, connections and pending authorizations. */
  delete(id: string): Promise<boolean>;
}

export interface CredentialsRepository {
  upsert(credentials: ConnectorCredentials): Promise<void>;
  get(connectorId: string): Promise<ConnectorCredentials | undefined>;
  /** Which of these connectors have credentials (one query for list views). */
  connectorIdsWithCredentials(connectorIds: readonly string[]): Promise<Set<string>>;
}

export interface ApiRepository {
  insert(api: ApiDefinition): Promise<void>;
  get(connectorId: string, apiName: string): Promise<ApiDefinition | undefined>;
  list(connectorId: string): Promise<ApiDefinition[]>;
  update(connectorId: string, apiName: string, patch: ApiPatch, updatedAt: Date): Promise<ApiDefinition | undefined>;
  delete(connectorId: string, apiName: string): Promise<boolean>;
}

export interface OrgRepository {
  insert(org: Org): Promise<void>;
  get(id: string): Promise<Org | undefined>;
  list(): Promise<Org[]>;
  /** Insert if absent (used for the built-in `dev` org at start). */
  ensure(org: Org): Promise<void>;
}

export interface ConnectionRepository {
  get(orgId: string, connectorId: string): Promise<Connection | undefined>;
  getById(id: string): Promise<Connection | undefined>;
  listByOrg(orgId: string): Promise<Connection[]>;
  /** Connections of a connector that hold tokens (status authorized or needs_reauthorization). */
  listLiveByConnector(connectorId: string): Promise<Connection[]>;
  /**
   * Store the result of a successful authorization: insert, or replace the tokens of the existing
   * row of (org, connector), status `authorized`, `authorizedAt` = now, lastError cleared,
   * tokenGeneration incremented. Returns the row; the id is kept when the row exists and
   * `idIfNew` is used when inserting.
   */
  saveAuthorized(input: {
    idIfNew: string;
    orgId: string;
    connectorId: string;
    tokens: ConnectionTokens;
    now: Date;
  }): Promise<Connection>;
  /** Remove the tokens: status `not_authorized`, tokens null. */
  clearTokens(id: string, now: Date): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** What one invoke reads before it renders anything. */
export interface InvocationTarget {
  readonly org: Org | undefined;
  /** The connector with the requested API name; undefined also when the org is. */
  readonly connector: Connector | undefined;
  /** The connector's API with the requested name; undefined also when the connector is. */
  readonly api: ApiDefinition | undefined;
  /** The org's connection to the connector (any status); undefined also when the connector is. */
  readonly connection: Connection | undefined;
}

/** The invoke hot path's read: one round trip instead of one query per record. */
export interface InvocationRepository {
  /**
   * The org, the connector by API name, its API by name and the org's connection to the
   * connector, read together in one query. Each part is undefined when it, or a part it hangs
   * off, does not exist, so callers report the first missing one.
   */
  load(orgId: string, connectorApiName: string, apiName: string): Promise<InvocationTarget>;
}

/** Operations allowed while the refresh lock of one connection is held. */
export interface LockedConnection {
  /** The row as it is now (re-read after the lock was taken). */
  readonly current: Connection;
  /** Replace tokens after a refresh: lastRefreshedAt = now, lastError cleared, generation + 1. */
  saveRefreshed(tokens: ConnectionTokens, now: Date): Promise<Connection>;
  /** Mark as `needs_reauthorization` with the error (invalid_grant, no refresh token). */
  markNeedsReauthorization(error: ConnectionError, now: Date): Promise<Connection>;
  /** Record a transient failure without changing status. */
  recordError(error: ConnectionError, now: Date): Promise<void>;
  /** Drop the tokens (revocation): status `not_authorized`, token fields null, generation + 1. */
  clearTokens(now: Date): Promise<void>;
}

export interface AuthorizationRequestRepository {
  insert(request: AuthorizationRequest): Promise<void>;
  /** Delete and return the request in one atomic step (single use), or undefined. */
  consume(stateHash: string): Promise<AuthorizationRequest | undefined>;
  /** Delete expired requests; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

export interface Store {
  readonly connectors: ConnectorRepository;
  readonly credentials: CredentialsRepository;
  readonly apis: ApiRepository;
  readonly orgs: OrgRepository;
  readonly connections: ConnectionRepository;
  readonly authorizationRequests: AuthorizationRequestRepository;
  readonly invocations: InvocationRepository;
  /**
   * Run `fn` while holding the refresh lock of one connection, across every instance that shares
   * the database. PostgreSQL: a transaction with `SELECT … FOR UPDATE` (writes in `fn` commit with
   * it). SQLite (one instance per file): an in-process keyed mutex; writes are single statements.
   * Returns undefined when the connection no longer exists.
   */
  withConnectionLock<T>(connectionId: string, fn: (locked: LockedConnection) => Promise<T>): Promise<T | undefined>;
  /** Cheap liveness query for /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
