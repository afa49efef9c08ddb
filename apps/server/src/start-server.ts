import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import {
  createAesGcmCipher,
  createApiService,
  createPublishingService,
  createReleaseService,
  createSolutionService,
  createConnectionService,
  createConnectorService,
  createInvokeService,
  createOrgService,
  createTokenProvider,
  createEventService,
  createInstallationService,
  createCredentialVerifier,
  createConsoleSessionService,
  createOrgKeyService,
  createSessionService,
  createFunctionService,
  createFunctionExecutionService,
  actionJobType,
  createActionDispatcher,
  createActionJobHandler,
  createActionService,
  createWebhookDeliveryHandler,
  createWebhookDispatcher,
  createWebhookService,
  webhookDeliverJobType,
  systemClock,
  type Clock,
  type CoreDeps,
  type Logger,
  type Store,
} from '@switchboard/core';
import { createOutbound, type OutboundLookup } from '@switchboard/outbound';
import { openStore, type StorageConfig } from '@switchboard/storage';
import { checkFunctionSource, createSandboxPool } from '@switchboard/sandbox';
import type { Hono } from 'hono';
import type { ServerConfig } from './config.js';
import { createHttpApp } from './http/create-http-app.js';
import { createBufferedEventSink } from './startup/buffered-event-sink.js';
import { createLogger } from './startup/create-logger.js';
import { startEventRetention } from './startup/event-retention.js';
import { startJobRetention } from './startup/job-retention.js';
import { startWebhookDispatch } from './startup/webhook-dispatcher.js';
import { startActionDispatch } from './startup/action-dispatcher.js';
import { createJobRunner, type JobHandler, type JobRunner, type JobRunnerSettings } from './startup/job-runner.js';
import { insecureHttpPolicy } from './startup/insecure-http-policy.js';
import { acquireInstanceLock } from './startup/instance-lock.js';
import { resolveSecrets } from './startup/key-files.js';

export interface StartServerOptions {
  readonly config: ServerConfig;
  /** Tests move time forward with a fake clock. */
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Tests replace DNS for the SSRF guard. */
  readonly lookup?: OutboundLookup;
  /** Override storage (tests: a PostgreSQL schema of their own). */
  readonly storage?: StorageConfig;
  /** Durable job runner tuning; tests add handlers of their own and poll by hand. */
  readonly jobs?: JobRunnerSettings;
}

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:4400. */
  readonly url: string;
  /** The public URL (redirect URL base). */
  readonly publicUrl: string;
  readonly redirectUrl: string;
  readonly adminKey: string;
  readonly adminKeyCreated: boolean;
  readonly adminKeyFile: string | null;
  readonly encryptionKeyFile: string | null;
  readonly storageKind: 'sqlite' | 'postgres';
  readonly app: Hono;
  readonly store: Store;
  readonly logger: Logger;
  /** Write the buffered audit events (API calls) now; tests wait on it instead of the timer. */
  flushEvents(): Promise<void>;
  /** One retention pass now (it also runs at start and hourly); returns how many events were deleted. */
  enforceEventRetention(): Promise<number>;
  /** One webhook dispatch pass now (it also runs every second); returns how many deliveries it queued. */
  dispatchWebhooks(): Promise<number>;
  /** One connector action dispatch pass now (it also runs every second); returns how many action jobs it queued. */
  dispatchActions(): Promise<number>;
  /** The durable job runner: `wake()` after enqueueing, `poll()` (tests) runs one claim round and waits for it. */
  readonly jobs: Pick<JobRunner, 'wake' | 'poll'>;
  close(): Promise<void>;
}

/** Wire adapters to the core and start listening. The only place where everything meets. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const secrets = await resolveSecrets(config);
  if (secrets.encryptionKeyFile) {
    logger.warn({ file: secrets.encryptionKeyFile }, 'SWITCHBOARD_ENCRYPTION_KEY is not set: using a development key from the data dir. Set it in production.');
  }
  const storage: StorageConfig =
    options.storage ?? (config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', file: join(config.dataDir, 'switchboard.db') });
  const instanceLock = storage.kind === 'sqlite' && storage.file !== ':memory:' ? acquireInstanceLock(`${storage.file}.lock`) : undefined;
  let store: Store;
  try {
    store = await openStore(storage, { logger });
  } catch (error) {
    instanceLock?.release();
    throw error;
  }

  // Listen before wiring so a port-0 start knows its own URL (the redirect URL depends on it).
  let app: Hono | undefined;
  // The env ({ incoming, outgoing }) lets JSON routes read the body from the Node request.
  const server = createAdaptorServer({
    fetch: (request: Request, env: unknown) => (app ? app.fetch(request, env) : new Response('starting', { status: 503 })),
  }) as Server;
  // Idle keep-alive sockets are closed by the client, never by us: Node's 5 s default races a
  // client (undici, a load balancer) that reuses the socket just as the server closes it, and the
  // request fails with "other side closed". Clients and proxies idle out well before 65 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    // e.g. EADDRINUSE: leave nothing open behind a failed start.
    await store.close();
    instanceLock?.release();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const publicUrl = config.publicUrl ?? url;
  const redirectUrl = `${publicUrl}/v1/oauth/callback`;

  const outbound = createOutbound({
    allowPrivateNetwork: config.allowPrivateNetwork,
    timeoutMs: config.limits.outboundTimeoutMs,
    maxResponseBytes: config.limits.maxUpstreamResponseBytes,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });
  const clock = options.clock ?? systemClock;
  const eventSink = createBufferedEventSink({ events: store.events, logger });
  const deps: CoreDeps = {
    store,
    cipher: createAesGcmCipher(secrets.encryptionKeys),
    clock,
    logger,
    events: eventSink,
    fetch: outbound.fetch,
    oauth: { fetch: outbound.fetch, allowsInsecureHttp: insecureHttpPolicy(config.allowPrivateNetwork), timeoutMs: config.limits.tokenRequestTimeoutMs },
    redirectUrl,
    refreshSkewSeconds: 60,
    authorizationRequestTtlSeconds: 600,
  };
  const orgs = createOrgService(deps);
  await orgs.ensureDevOrg();
  const tokens = createTokenProvider(deps);
  // Durable jobs: each slice that enqueues jobs registers its handler by type here, before
  // `jobs.start()`; services that enqueue call `jobs.wake()` after their transaction commits.
  const { handlers: extraJobHandlers, ...jobSettings } = options.jobs ?? {};
  const jobHandlers: Record<string, JobHandler> = { ...extraJobHandlers };
  const jobs = createJobRunner({
    ...jobSettings,
    store,
    clock,
    logger,
    handlers: jobHandlers,
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  const invoke = createInvokeService(deps, tokens);
  // Functions run in child processes (isolated-vm), never in this one: a hostile run can only
  // take down its worker, which the pool replaces.
  const sandbox = createSandboxPool({ size: config.functions.workers, maxMemoryMb: config.functions.maxMemoryMb, logger });
  const functionCaps = { maxTimeoutMs: config.functions.maxTimeoutMs, maxMemoryMb: config.functions.maxMemoryMb };
  const functionExecutions = createFunctionExecutionService(deps, { runtime: sandbox, invoke, caps: functionCaps });
  app = createHttpApp({
    services: {
      connectors: createConnectorService(deps),
      apis: createApiService(deps),
      orgs,
      connections: createConnectionService(deps),
      invoke,
      events: createEventService(deps),
      installations: createInstallationService(deps),
      publishing: createPublishingService(deps),
      solutions: createSolutionService(deps),
      releases: createReleaseService(deps),
      orgKeys: createOrgKeyService(deps),
      sessions: createSessionService(deps),
      functions: createFunctionService(deps, { checkSource: checkFunctionSource, caps: functionCaps }),
      functionExecutions,
      actions: createActionService(deps),
      webhooks: createWebhookService(deps, { onQueued: () => jobs.wake() }),
      credentials: createCredentialVerifier(deps),
      consoleSessions: createConsoleSessionService(deps, { adminKey: secrets.adminKey }),
      ready: () => store.ping(),
    },
    adminKey: secrets.adminKey,
    logger,
    maxRequestBytes: config.limits.maxRequestBytes,
    publicUrl: () => publicUrl,
    authFailureLimit: config.authFailureLimit,
    trustedProxies: config.trustedProxies,
    clock,
    staticRoots: config.staticRoots,
  });
  // Webhooks: signed deliveries through the same guarded outbound fetch, retried by the jobs.
  jobHandlers[webhookDeliverJobType] = createWebhookDeliveryHandler(deps, { timeoutMs: 10_000 });
  // Connector actions: the function a solution names for an authorization or revocation, run for
  // the org from a job queued by the action dispatcher (never inside the OAuth callback).
  jobHandlers[actionJobType] = createActionJobHandler(functionExecutions, logger);
  jobs.start();
  const webhookDispatch = startWebhookDispatch({ dispatcher: createWebhookDispatcher(deps), logger, onQueued: () => jobs.wake() });
  const actionDispatch = startActionDispatch({ dispatcher: createActionDispatcher(deps), logger, onQueued: () => jobs.wake() });
  const retention = startEventRetention({ events: store.events, clock, logger, retentionDays: config.eventRetentionDays });
  // Finished jobs are kept as long as the audit events: no setting of their own.
  const jobRetention = startJobRetention({ jobs: store.jobs, clock, logger, retentionDays: config.eventRetentionDays });
  logger.info({ url, publicUrl, storage: storage.kind }, 'switchboard listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    publicUrl,
    redirectUrl,
    adminKey: secrets.adminKey,
    adminKeyCreated: secrets.adminKeyCreated,
    adminKeyFile: secrets.adminKeyFile,
    encryptionKeyFile: secrets.encryptionKeyFile,
    storageKind: storage.kind,
    app,
    store,
    logger,
    flushEvents: () => eventSink.flush(),
    enforceEventRetention: () => retention.enforce(),
    dispatchWebhooks: () => webhookDispatch.dispatch(),
    dispatchActions: () => actionDispatch.dispatch(),
    jobs: { wake: () => jobs.wake(), poll: () => jobs.poll() },
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        // Before what handlers use (outbound, sandbox, store); waits for running jobs, bounded.
        await webhookDispatch.stop();
        await actionDispatch.stop();
        await jobs.stop();
        await sandbox.close();
        await outbound.close();
        // In-flight requests are done: write their events, then let the store go.
        await retention.stop();
        await jobRetention.stop();
        await eventSink.close();
        await store.close();
        instanceLock?.release();
      })()),
  };
}
