import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionView } from '@switchboard/contracts';
import { createAesGcmCipher, type Clock, type Connection, type Logger } from '@switchboard/core';
import { acmeApiDefinitions, acmeConnectorDefinition, completeConsentHeadlessly, startDemo, type DemoService } from '@switchboard/demo';
import type { StorageConfig } from '@switchboard/storage';
import type { OpenedTestDatabase, TestDatabase } from '@switchboard/storage/testing';
import { expect } from 'vitest';
import { parseConfig, type ConfigSource, type ServerConfig } from '../config.js';
import { startServer, type RunningServer } from '../start-server.js';
import { resolveSecrets } from '../startup/key-files.js';
import type { JobRunnerSettings } from '../startup/job-runner.js';
import { captureLogger } from './capture-logger.js';
import { readStoredConnection, readStoredTokens, type StoredTokens } from './stored-tokens.js';

/** Client credentials registered at the demo; the secret is a canary tests search for. */
export const DEMO_CLIENT_ID = 'switchboard-test';
export const DEMO_CLIENT_SECRET = 'canary-client-secret-3f9a7c';
/** The same credentials as one value (`PUT …/credentials` body, `demo.introspect` client). */
export const DEMO_CLIENT = Object.freeze({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });

export interface TestEnvironmentOptions {
  /** A test database the environment opens for itself and removes on close. */
  readonly database?: TestDatabase;
  /**
   * Storage the caller opened and removes itself (for a test that inspects the database files).
   * Without `database` or `storage`: SQLite in a fresh temp dir. Several instances need a shared (PostgreSQL) storage.
   */
  readonly storage?: StorageConfig;
  readonly instances?: number;
  readonly clock?: Clock;
  readonly accessTokenTtlSeconds?: number;
  readonly env?: ConfigSource;
  /** Shorter outbound/token timeouts, for tests of the timeout paths. */
  readonly limits?: Partial<ServerConfig['limits']>;
  /** Folders of a test's own to serve as the console, SDK and widget files. */
  readonly staticRoots?: Partial<ServerConfig['staticRoots']>;
  readonly logger?: Logger;
  /** Job runner settings for every server (e.g. `random: () => 0` for retries without backoff delay). */
  readonly jobs?: JobRunnerSettings;
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface TestEnvironment {
  readonly demo: DemoService;
  readonly servers: RunningServer[];
  readonly server: RunningServer;
  /** Everything the servers logged (pino JSON lines). */
  logs(): string;
  /** Every response body the helpers saw, for canary searches. */
  responses(): string[];
  /** An admin-key request to a server (default the first), over a real socket. */
  request<T = any>(method: string, path: string, body?: unknown, options?: { server?: number; headers?: Record<string, string>; raw?: BodyInit }): Promise<ApiResponse<T>>;
  /**
   * Create the connector the demo publishes (`acme`, see `acmeConnectorDefinition`) plus the
   * overrides, with the demo client's credentials, the demo's APIs and an `echo` API; returns its apiName.
   */
  createAcmeConnector(overrides?: Record<string, unknown>): Promise<string>;
  /** A connector of a test's own (`acme_<n>`, named `Acme <n>`), configured like `acme` plus the overrides; returns its apiName. */
  newConnector(overrides?: Record<string, unknown>): Promise<string>;
  /**
   * A fresh org (`org-<n>-<random>`) for one test; returns its id. Subscriber orgs only see
   * installed connectors, so it installs a solution release of its own bringing a freshly
   * published version of each of `connectors` (default: `acme` when the test created it, else none).
   */
  newOrg(options?: { connectors?: readonly string[] }): Promise<string>;
  /**
   * A fresh org with `connector` installed (as `newOrg`) and authorized; returns its id. With several
   * instances the authorizations go round-robin: org number n is authorized on instance n mod instances.
   */
  authorizedOrg(connector?: string): Promise<string>;
  /** Publish the connector's draft (`POST /v1/connectors/{c}/publish`); returns the new version number. */
  publish(connector?: string): Promise<number>;
  /**
   * Install in `org` a release of a new solution (`kit_<n>`) pinning each connector at the given
   * version (default: a freshly published one); returns the solution and release names.
   */
  install(org: string, connectors: readonly string[] | Readonly<Record<string, number>>): Promise<{ solution: string; release: string }>;
  /** Start an authorization and play the browser at the demo; returns Switchboard's callback URL, not yet visited. */
  consent(org: string, connector?: string, options?: ConsentOptions): Promise<{ authorizationUrl: URL; callback: URL }>;
  /** Run the whole browser-less authorization for an org, returning the callback response. */
  authorize(org: string, connector?: string, options?: ConsentOptions): Promise<Response>;
  /** The connection view `GET /v1/orgs/{org}/connections/{connector}` answers (asserted 200). */
  connection(org: string, connector?: string, options?: { server?: number }): Promise<ConnectionView>;
  /** The connection's row straight from the store, or undefined when none was stored. */
  storedConnection(org: string, connector?: string): Promise<Connection | undefined>;
  /** The connection's row and raw tokens, decrypted with the servers' key; each token is remembered for `tokensSeen()`. */
  storedTokens(org: string, connector?: string): Promise<StoredTokens>;
  /** Every distinct token `storedTokens` has returned. */
  tokensSeen(): string[];
  /** Asserts that no token `storedTokens` returned, nor the demo client secret, is in any response the helpers saw or any log line. */
  expectNoSecretShown(): void;
  /** A new key of the org (`POST /v1/orgs/{org}/keys` with the admin key); returns the key and its id. */
  orgKey(org: string, name?: string): Promise<{ key: string; id: string }>;
  /** A new SDK session of the org, minted with `key` (default: a new org key); returns the token. */
  session(org: string, options?: { key?: string; allowedOrigins?: string[]; connectors?: string[]; ttlSeconds?: number }): Promise<{ token: string; expiresAt: string }>;
  close(): Promise<void>;
}

export interface ConsentOptions {
  /** The body of the start-authorization request (e.g. `returnTo`). */
  readonly body?: Record<string, unknown>;
  /** Demo user: `alice` (default) or `bob`. */
  readonly username?: string;
  readonly decision?: 'allow' | 'deny';
  /** The instance that starts the authorization. */
  readonly server?: number;
}

/** A 1×1 PNG: the smallest logo publishing accepts. */
export const TEST_LOGO_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** An API the demo does not publish, for tests: path, query, header and raw-body placeholders, all echoed back. */
const echoApi = (demo: DemoService) => ({
  name: 'Echo',
  apiName: 'echo',
  method: 'POST',
  url: `${demo.apiBaseUrl}/echo/\${path}`,
  query: { q: '${q}' },
  headers: { 'X-Note': '${note}' },
  body: { type: 'raw', template: '${text}' },
});

/**
 * A real demo authorization server plus one or more real Switchboard servers, talking over
 * loopback sockets. Nothing is mocked: the OAuth flow, storage and SSRF guard are the production code.
 */
export async function createTestEnvironment(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-env-'));
  const captured = captureLogger();
  const logger = options.logger ?? captured.logger;
  const seen: string[] = [];
  const tokens = new Set<string>();
  const parsed = parseConfig({
    SWITCHBOARD_PORT: '0',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_ALLOW_PRIVATE_NETWORK: '127.0.0.1,localhost',
    SWITCHBOARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SWITCHBOARD_ADMIN_KEY: 'test-admin-key-0123456789abcdef',
    // Tests send many bad keys from 127.0.0.1 on purpose; the rate-limit test sets its own limit.
    SWITCHBOARD_AUTH_FAILURE_LIMIT: '100000',
    ...options.env,
  });
  const config: ServerConfig = {
    ...parsed,
    ...(options.limits ? { limits: { ...parsed.limits, ...options.limits } } : {}),
    ...(options.staticRoots ? { staticRoots: { ...parsed.staticRoots, ...options.staticRoots } } : {}),
  };
  const cipher = createAesGcmCipher((await resolveSecrets(config)).encryptionKeys);
  const servers: RunningServer[] = [];
  let opened: OpenedTestDatabase | undefined;
  let demo: DemoService;
  try {
    opened = await options.database?.open();
    const storage = opened?.config ?? options.storage;
    const count = options.instances ?? 1;
    for (let i = 0; i < count; i += 1) {
      servers.push(
        await startServer({
          config,
          logger,
          ...(options.clock ? { clock: options.clock } : {}),
          ...(storage ? { storage } : {}),
          ...(options.jobs ? { jobs: options.jobs } : {}),
        }),
      );
    }
    demo = await startDemo({
      clients: [{ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, redirectUris: servers.map((s) => s.redirectUrl) }],
      ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    });
  } catch (error) {
    await Promise.allSettled(servers.map((s) => s.close()));
    await opened?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const request: TestEnvironment['request'] = async (method, path, body, requestOptions = {}) => {
    const server = servers[requestOptions.server ?? 0]!;
    const headers: Record<string, string> = { authorization: `Bearer ${server.adminKey}`, ...requestOptions.headers };
    let payload: BodyInit | undefined = requestOptions.raw;
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}), redirect: 'manual' });
    const text = await response.text();
    seen.push(text);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as never, text };
  };

  let orgs = 0;
  let connectors = 0;
  let solutions = 0;
  /** Connectors the helpers created, so `newOrg` knows whether `acme` exists. */
  const createdConnectors = new Set<string>();
  const env: TestEnvironment = {
    demo,
    servers,
    server: servers[0]!,
    logs: captured.output,
    responses: () => [...seen],
    request,
    async createAcmeConnector(overrides = {}) {
      const created = await request('POST', '/v1/connectors', { ...acmeConnectorDefinition(demo), ...overrides });
      expect(created.status, `create connector: ${created.text}`).toBe(201);
      const apiName = (created.body as { apiName: string }).apiName;
      createdConnectors.add(apiName);
      const credentials = await request('PUT', `/v1/connectors/${apiName}/credentials`, DEMO_CLIENT);
      expect(credentials.status, `set credentials: ${credentials.text}`).toBe(200);
      for (const api of [...acmeApiDefinitions(demo), echoApi(demo)]) {
        const result = await request('POST', `/v1/connectors/${apiName}/apis`, api);
        expect(result.status, `create API ${api.apiName}: ${result.text}`).toBe(201);
      }
      return apiName;
    },
    async newConnector(overrides = {}) {
      connectors += 1;
      return env.createAcmeConnector({ name: `Acme ${connectors}`, apiName: `acme_${connectors}`, ...overrides });
    },
    async newOrg(orgOptions = {}) {
      orgs += 1;
      const id = `org-${orgs}-${randomBytes(3).toString('hex')}`;
      const created = await request('POST', '/v1/orgs', { id, name: `Org ${orgs}` });
      expect(created.status).toBe(201);
      const connectorsToInstall = orgOptions.connectors ?? (createdConnectors.has('acme') ? ['acme'] : []);
      if (connectorsToInstall.length > 0) await env.install(id, connectorsToInstall);
      return id;
    },
    async publish(connector = 'acme') {
      const published = await request<{ version: number }>('POST', `/v1/connectors/${connector}/publish`, {
        logo: TEST_LOGO_PNG_BASE64,
        supportEmail: 'support@acme.example',
        releaseNotes: 'Published by the test harness.',
      });
      expect(published.status, `publish ${connector}: ${published.text}`).toBe(201);
      return published.body.version;
    },
    async install(org, connectorsToInstall) {
      solutions += 1;
      const solution = `kit_${solutions}`;
      const made = await request('POST', '/v1/solutions', { apiName: solution, name: `Kit ${solutions}` });
      expect(made.status, `create solution: ${made.text}`).toBe(201);
      const pins: Record<string, number> = {};
      if (Array.isArray(connectorsToInstall)) {
        for (const connector of connectorsToInstall as readonly string[]) pins[connector] = await env.publish(connector);
      } else {
        Object.assign(pins, connectorsToInstall);
      }
      for (const [connector, version] of Object.entries(pins)) {
        const pinned = await request('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version });
        expect(pinned.status, `pin ${connector}: ${pinned.text}`).toBe(200);
      }
      const release = '1.0.0';
      const cut = await request('POST', `/v1/solutions/${solution}/releases`, { version: release });
      expect(cut.status, `release: ${cut.text}`).toBe(201);
      const installed = await request('POST', `/v1/orgs/${org}/installations`, { solution, release });
      expect(installed.status, `install: ${installed.text}`).toBe(201);
      return { solution, release };
    },
    async authorizedOrg(connector = 'acme') {
      const id = await env.newOrg({ connectors: [connector] });
      expect((await env.authorize(id, connector, { server: orgs % servers.length })).status).toBe(200);
      return id;
    },
    async consent(org, connector = 'acme', consentOptions = {}) {
      const started = await request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, consentOptions.body ?? {}, {
        server: consentOptions.server ?? 0,
      });
      expect(started.status, `start authorization: ${started.text}`).toBe(200);
      const callback = await completeConsentHeadlessly(started.body.authorizationUrl, {
        username: consentOptions.username ?? 'alice',
        password: consentOptions.username === 'bob' ? 'builder' : 'wonderland',
        decision: consentOptions.decision ?? 'allow',
      });
      return { authorizationUrl: new URL(started.body.authorizationUrl), callback };
    },
    async authorize(org, connector = 'acme', authorizeOptions = {}) {
      const { callback } = await env.consent(org, connector, authorizeOptions);
      const response = await fetch(callback, { redirect: 'manual', headers: { accept: 'text/html' } });
      seen.push(await response.clone().text());
      return response;
    },
    async connection(org, connector = 'acme', connectionOptions = {}) {
      const response = await request<ConnectionView>('GET', `/v1/orgs/${org}/connections/${connector}`, undefined, connectionOptions);
      expect(response.status).toBe(200);
      return response.body;
    },
    storedConnection: (org, connector = 'acme') => readStoredConnection(servers[0]!.store, org, connector),
    async storedTokens(org, connector = 'acme') {
      const stored = await readStoredTokens(servers[0]!.store, cipher, org, connector);
      for (const token of [stored.accessToken, stored.refreshToken]) if (token !== null) tokens.add(token);
      return stored;
    },
    tokensSeen: () => [...tokens],
    expectNoSecretShown() {
      const haystacks = [captured.output(), ...seen];
      for (const secret of [...tokens, DEMO_CLIENT_SECRET]) {
        for (const haystack of haystacks) expect(haystack.includes(secret)).toBe(false);
      }
    },
    async orgKey(org, name = 'test key') {
      const created = await request<{ key: string; id: string }>('POST', `/v1/orgs/${org}/keys`, { name });
      expect(created.status, `create org key: ${created.text}`).toBe(201);
      return { key: created.body.key, id: created.body.id };
    },
    async session(org, sessionOptions = {}) {
      const key = sessionOptions.key ?? (await env.orgKey(org)).key;
      const created = await request<{ token: string; expiresAt: string }>(
        'POST',
        `/v1/orgs/${org}/sessions`,
        {
          allowedOrigins: sessionOptions.allowedOrigins ?? ['https://app.example.com'],
          ...(sessionOptions.connectors ? { connectors: sessionOptions.connectors } : {}),
          ...(sessionOptions.ttlSeconds !== undefined ? { ttlSeconds: sessionOptions.ttlSeconds } : {}),
        },
        { headers: { authorization: `Bearer ${key}` } },
      );
      expect(created.status, `create session: ${created.text}`).toBe(201);
      return created.body;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
      await opened?.cleanup();
    },
  };
  return env;
}
