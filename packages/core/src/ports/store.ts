import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector, ConnectorCredentials } from '../connectors/connector.js';
import type { Connection, ConnectionError, ConnectionTokens } from '../connections/connection.js';
import type { AuthorizationRequest } from '../oauth/authorization-request.js';
import type { Org } from '../orgs/org.js';
import type { OrgKey } from '../access/org-key.js';
import type { SdkSession } from '../access/sdk-session.js';
import type { ConsoleSession } from '../access/console-session.js';
import type { AuditEvent, AuditEventType } from '../events/audit-event.js';
import type { Installation, InstalledConnector, OrgConnector } from '../installations/installation.js';
import type { ConnectorVersion, Logo, LogoContentType } from '../publishing/connector-version.js';
import type { Solution, SolutionConnector, SolutionRelease } from '../solutions/solution.js';
import type { JobRepository } from '../jobs/job.js';
import type { WebhookDeliveryRepository, WebhookDispatchRepository, WebhookRepository } from '../webhooks/webhook-repository.js';
import type { ReleasedFunction, SolutionFunction } from '../functions/solution-function.js';
import type { Execution } from '../functions/execution.js';
import type { ConnectorActionRepository, ReleaseActionRepository } from '../actions/connector-action.js';

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
  /**
   * Inside `Store.transaction`: hold the org until the transaction ends, so changes to what the
   * org has installed (install, upgrade, uninstall, a callback saving its consent) run one at a
   * time across every instance. Returns false when the org does not exist.
   */
  lock(id: string): Promise<boolean>;
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
    /** The connector version consented to (null: draft). */
    consentedVersion: number | null;
    now: Date;
  }): Promise<Connection>;
  /** Remove the tokens: status `not_authorized`, tokens null. */
  clearTokens(id: string, now: Date): Promise<void>;
  /**
   * An upgrade: the connection stays authorized under a compatible new version
   * (`consentedVersion` moves), or becomes `needs_reauthorization` with `error` (tokens kept, so
   * they can still be revoked where they were issued).
   */
  applyUpgrade(id: string, change: { consentedVersion: number } | { error: ConnectionError }, now: Date): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** What one invoke reads before it renders anything. */
export interface InvocationTarget {
  readonly org: Org | undefined;
  /**
   * The connector as the org uses it: the draft for org `dev`, the installed version's snapshot
   * for any other org (undefined when not installed there); undefined also when the org is.
   */
  readonly connector: Connector | undefined;
  /** The API with the requested name in that same draft or version; undefined also when the connector is. */
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
  // Each write takes an optional audit event, stored atomically with it (same transaction).
  /** Replace tokens after a refresh: lastRefreshedAt = now, lastError cleared, generation + 1. */
  saveRefreshed(tokens: ConnectionTokens, now: Date, event?: AuditEvent): Promise<Connection>;
  /** Mark as `needs_reauthorization` with the error (invalid_grant, no refresh token). */
  markNeedsReauthorization(error: ConnectionError, now: Date, event?: AuditEvent): Promise<Connection>;
  /** Record a transient failure without changing status. */
  recordError(error: ConnectionError, now: Date, event?: AuditEvent): Promise<void>;
  /** Drop the tokens (revocation): status `not_authorized`, token fields null, generation + 1. */
  clearTokens(now: Date, event?: AuditEvent): Promise<void>;
}

export interface AuthorizationRequestRepository {
  insert(request: AuthorizationRequest): Promise<void>;
  /** Delete and return the request in one atomic step (single use), or undefined. */
  consume(stateHash: string): Promise<AuthorizationRequest | undefined>;
  /** Delete expired requests; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

export interface ConnectorVersionRepository {
  /**
   * Store a new version numbered one more than the connector's latest (1 for the first),
   * atomically: concurrent publishes get distinct numbers. The logo bytes are stored with it.
   */
  publish(input: Omit<ConnectorVersion, 'version' | 'logoContentType'> & { logo: Logo | null }): Promise<ConnectorVersion>;
  /** Newest first. */
  list(connectorId: string): Promise<ConnectorVersion[]>;
  get(connectorId: string, version: number): Promise<ConnectorVersion | undefined>;
  getById(id: string): Promise<ConnectorVersion | undefined>;
  getLogo(connectorId: string, version: number): Promise<Logo | undefined>;
  /**
   * Every published version of these connectors with its logo's content type (never the bytes),
   * in no particular order: which logo an org's connection shows is chosen from it.
   */
  listLogoTypes(connectorIds: readonly string[]): Promise<VersionLogoType[]>;
}

/** A published version's number and whether (and as what) it has a logo. */
export interface VersionLogoType {
  readonly connectorId: string;
  readonly version: number;
  readonly logoContentType: LogoContentType | null;
}

export type SolutionPatch = Partial<Pick<Mutable<Solution>, 'name' | 'description'>>;

export interface SolutionRepository {
  insert(solution: Solution): Promise<void>;
  get(id: string): Promise<Solution | undefined>;
  getByApiName(apiName: string): Promise<Solution | undefined>;
  list(): Promise<Solution[]>;
  update(id: string, patch: SolutionPatch, updatedAt: Date): Promise<Solution | undefined>;
  /** Deletes the solution with its associations and releases (callers refuse while installed). */
  delete(id: string): Promise<boolean>;
}

export interface SolutionConnectorRepository {
  /** Associate, or move the pin to another version. */
  pin(input: { solutionId: string; connectorId: string; version: number; now: Date }): Promise<SolutionConnector>;
  unpin(solutionId: string, connectorId: string): Promise<boolean>;
  list(solutionId: string): Promise<SolutionConnector[]>;
  /** Whether any solution associates, or any release records, the connector (deleting it would break them). */
  isConnectorReferenced(connectorId: string): Promise<boolean>;
}

export interface ReleaseRepository {
  /** Unique (solution, version): a duplicate throws `conflict`. */
  insert(release: SolutionRelease): Promise<void>;
  /** Newest first. */
  list(solutionId: string): Promise<SolutionRelease[]>;
  get(solutionId: string, version: string): Promise<SolutionRelease | undefined>;
  getById(id: string): Promise<SolutionRelease | undefined>;
}

export interface InstallationRepository {
  /** Unique (org, solution): a second install throws `conflict`. */
  insert(installation: Installation): Promise<void>;
  get(orgId: string, solutionId: string): Promise<Installation | undefined>;
  listByOrg(orgId: string): Promise<Installation[]>;
  setRelease(orgId: string, solutionId: string, releaseId: string, now: Date): Promise<Installation | undefined>;
  delete(orgId: string, solutionId: string): Promise<boolean>;
  /** How many orgs have the solution installed (a solution in use cannot be deleted). */
  countBySolution(solutionId: string): Promise<number>;
}

export interface InstalledConnectorRepository {
  /** Replace the org's whole set (the installation service recomputes it in a transaction). */
  replaceForOrg(orgId: string, items: readonly InstalledConnector[]): Promise<void>;
  listByOrg(orgId: string): Promise<InstalledConnector[]>;
}

/** What an org may use: drafts for `dev`, installed versions for every other org. */
export interface OrgConnectorRepository {
  resolve(orgId: string, connectorApiName: string): Promise<OrgConnector | undefined>;
  /** By connector API name. */
  list(orgId: string): Promise<OrgConnector[]>;
}

export interface OrgKeyRepository {
  insert(key: OrgKey): Promise<void>;
  /** By id, in any org (authentication then compares the secret hash and the org). */
  get(id: string): Promise<OrgKey | undefined>;
  listByOrg(orgId: string): Promise<OrgKey[]>;
  /** Deletes the key and every session it minted. */
  delete(orgId: string, id: string): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
}

export interface SdkSessionRepository {
  insert(session: SdkSession): Promise<void>;
  /** The session, or undefined when it does not exist or the key that minted it is gone. */
  get(id: string): Promise<SdkSession | undefined>;
  /** Origins of the org's unexpired sessions (answers CORS preflights, which carry no token). */
  allowedOriginsForOrg(orgId: string, now: Date): Promise<string[]>;
  deleteExpired(now: Date): Promise<number>;
}

/** Console sign-in sessions (see `ConsoleSession`). */
export interface ConsoleSessionRepository {
  insert(session: ConsoleSession): Promise<void>;
  /** The session, or undefined when it does not exist (an org session goes with its org key). Expiry is the caller's check. */
  get(id: string): Promise<ConsoleSession | undefined>;
  delete(id: string): Promise<boolean>;
  deleteExpired(now: Date): Promise<number>;
}

export interface EventQuery {
  readonly orgId: string;
  readonly type?: AuditEventType | undefined;
  readonly connector?: string | undefined;
  /** Only events strictly older than this (at, id) position: the cursor. */
  readonly before?: { readonly at: Date; readonly id: string } | undefined;
  readonly limit: number;
}

export interface EventRepository {
  append(event: AuditEvent): Promise<void>;
  appendMany(events: readonly AuditEvent[]): Promise<void>;
  /** Newest first: (at, id) descending. */
  list(query: EventQuery): Promise<AuditEvent[]>;
  /**
   * Deletes at most `limit` of the oldest events stamped before `cutoff` in one statement and
   * returns how many it deleted; callers loop while it returns `limit`, so no statement holds
   * the database for long however large the backlog.
   */
  deleteOlderThan(cutoff: Date, options: { readonly limit: number }): Promise<number>;
}

export type FunctionPatch = Partial<Pick<Mutable<SolutionFunction>, 'name' | 'source' | 'timeoutMs' | 'memoryMb'>>;

/** A solution's draft functions. */
export interface FunctionRepository {
  /** Unique (solution, apiName): a duplicate throws `conflict`. */
  insert(fn: SolutionFunction): Promise<void>;
  get(solutionId: string, apiName: string): Promise<SolutionFunction | undefined>;
  /** By API name. */
  list(solutionId: string): Promise<SolutionFunction[]>;
  update(solutionId: string, apiName: string, patch: FunctionPatch, updatedAt: Date): Promise<SolutionFunction | undefined>;
  delete(solutionId: string, apiName: string): Promise<boolean>;
}

/** The functions a release recorded (immutable; deleted with the release). */
export interface ReleaseFunctionRepository {
  insertMany(functions: readonly ReleasedFunction[]): Promise<void>;
  get(releaseId: string, apiName: string): Promise<ReleasedFunction | undefined>;
  /** By API name. */
  list(releaseId: string): Promise<ReleasedFunction[]>;
}

export interface ExecutionQuery {
  readonly orgId: string;
  /** Only runs strictly older than this (startedAt, id) position: the cursor. */
  readonly before?: { readonly at: Date; readonly id: string } | undefined;
  readonly limit: number;
}

/** The org's log of function runs. */
export interface ExecutionRepository {
  insert(execution: Execution): Promise<void>;
  /** Newest first: (startedAt, id) descending. */
  list(query: ExecutionQuery): Promise<Execution[]>;
}

/** The repositories usable inside `Store.transaction`. */
export interface StoreRepositories {
  readonly connectors: ConnectorRepository;
  readonly credentials: CredentialsRepository;
  readonly apis: ApiRepository;
  readonly orgs: OrgRepository;
  readonly connections: ConnectionRepository;
  readonly authorizationRequests: AuthorizationRequestRepository;
  readonly connectorVersions: ConnectorVersionRepository;
  readonly solutions: SolutionRepository;
  readonly solutionConnectors: SolutionConnectorRepository;
  readonly releases: ReleaseRepository;
  readonly installations: InstallationRepository;
  readonly installedConnectors: InstalledConnectorRepository;
  readonly orgConnectors: OrgConnectorRepository;
  readonly orgKeys: OrgKeyRepository;
  readonly sdkSessions: SdkSessionRepository;
  readonly consoleSessions: ConsoleSessionRepository;
  readonly events: EventRepository;
  /** Durable jobs (see `JobRepository`): enqueue through `tx.jobs` to commit a job with its cause. */
  readonly jobs: JobRepository;
  readonly webhooks: WebhookRepository;
  /** Each delivery attempt (inserted by the `webhook.deliver` job handler). */
  readonly webhookDeliveries: WebhookDeliveryRepository;
  /** The webhook dispatcher's read position in the audit log. */
  readonly webhookDispatch: WebhookDispatchRepository;
  readonly functions: FunctionRepository;
  readonly releaseFunctions: ReleaseFunctionRepository;
  readonly executions: ExecutionRepository;
  /** Connector actions (On Authorization / On Revoking): the solutions' drafts and the releases' copies. */
  readonly connectorActions: ConnectorActionRepository;
  readonly releaseActions: ReleaseActionRepository;
  /** The action dispatcher's read position in the audit log (the webhook dispatcher's table, its own row). */
  readonly actionDispatch: WebhookDispatchRepository;
}

export interface Store extends StoreRepositories {
  readonly invocations: InvocationRepository;
  /**
   * Run `fn` in one database transaction: every write commits together or none does. Keep it
   * short and free of network calls: on SQLite every other query waits for it.
   */
  transaction<T>(fn: (tx: StoreRepositories) => Promise<T>): Promise<T>;
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
