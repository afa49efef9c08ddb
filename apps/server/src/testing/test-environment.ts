import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Logger } from '@switchboard/core';
import { completeConsentHeadlessly, startDemo, type DemoService } from '@switchboard/demo';
import type { StorageConfig } from '@switchboard/storage';
import { parseConfig, type ConfigSource } from '../config.js';
import { startServer, type RunningServer } from '../start-server.js';
import { captureLogger } from './capture-logger.js';

/** Client credentials registered at the demo; the secret is a canary tests search for. */
export const DEMO_CLIENT_ID = 'switchboard-test';
export const DEMO_CLIENT_SECRET = 'canary-client-secret-3f9a7c';

export interface TestEnvironmentOptions {
  /** Default: SQLite in a fresh temp dir. Several instances need a shared (PostgreSQL) storage. */
  readonly storage?: StorageConfig;
  readonly instances?: number;
  readonly clock?: Clock;
  readonly accessTokenTtlSeconds?: number;
  readonly env?: ConfigSource;
  readonly logger?: Logger;
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
  /** Create the `acme` connector for the demo with credentials and standard APIs. */
  createAcmeConnector(overrides?: Record<string, unknown>): Promise<void>;
  /** Run the whole browser-less authorization for an org, returning the callback response. */
  authorize(org: string, connector?: string, options?: { username?: string; decision?: 'allow' | 'deny'; server?: number }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A real demo authorization server plus one or more real Switchboard servers, talking over
 * loopback sockets. Nothing is mocked: the OAuth flow, storage and SSRF guard are the production code.
 */
export async function createTestEnvironment(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-env-'));
  const captured = captureLogger();
  const logger = options.logger ?? captured.logger;
  const seen: string[] = [];
  const config = parseConfig({
    SWITCHBOARD_PORT: '0',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_ALLOW_PRIVATE_NETWORK: '127.0.0.1,localhost',
    SWITCHBOARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SWITCHBOARD_ADMIN_KEY: 'test-admin-key-0123456789abcdef',
    ...options.env,
  });
  const servers: RunningServer[] = [];
  const count = options.instances ?? 1;
  for (let i = 0; i < count; i += 1) {
    servers.push(
      await startServer({
        config,
        logger,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.storage ? { storage: options.storage } : {}),
      }),
    );
  }
  const demo = await startDemo({
    clients: [{ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, redirectUris: servers.map((s) => s.redirectUrl) }],
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
  });

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

  const env: TestEnvironment = {
    demo,
    servers,
    server: servers[0]!,
    logs: captured.output,
    responses: () => [...seen],
    request,
    async createAcmeConnector(overrides = {}) {
      const created = await request('POST', '/v1/connectors', {
        name: 'Acme CRM',
        apiName: 'acme',
        serviceName: 'Acme CRM',
        authorizationUrl: demo.authorizationUrl,
        tokenUrl: demo.tokenUrl,
        revokeUrl: demo.revocationUrl,
        revokeUsing: 'refresh_token',
        scopes: demo.scopes,
        authorizationParams: demo.authorizationParams,
        issuer: demo.issuer,
        ...overrides,
      });
      if (created.status !== 201) throw new Error(`create connector: ${created.status} ${created.text}`);
      const apiName = (created.body as { apiName: string }).apiName;
      const credentials = await request('PUT', `/v1/connectors/${apiName}/credentials`, { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
      if (credentials.status !== 200) throw new Error(`set credentials: ${credentials.status} ${credentials.text}`);
      const apis = [
        { name: 'List contacts', apiName: 'listcontacts', method: 'GET', url: `${demo.apiBaseUrl}/contacts` },
        {
          name: 'Create contact',
          apiName: 'createcontact',
          method: 'POST',
          url: `${demo.apiBaseUrl}/contacts`,
          body: { type: 'json', template: '{"First_Name":"${First_Name}","Last_Name":"${Last_Name}","Email_ID":"${Email_ID}","Phone_Number":"${Phone_Number}"}' },
        },
        { name: 'Upload file', apiName: 'uploadfile', method: 'POST', url: `${demo.apiBaseUrl}/files`, body: { type: 'multipart' } },
        { name: 'Echo', apiName: 'echo', method: 'POST', url: `${demo.apiBaseUrl}/echo/\${path}`, query: { q: '${q}' }, headers: { 'X-Note': '${note}' }, body: { type: 'raw', template: '${text}' } },
      ];
      for (const api of apis) {
        const result = await request('POST', `/v1/connectors/${apiName}/apis`, api);
        if (result.status !== 201) throw new Error(`create api ${api.apiName}: ${result.status} ${result.text}`);
      }
    },
    async authorize(org, connector = 'acme', authorizeOptions = {}) {
      const server = authorizeOptions.server ?? 0;
      const started = await request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, {}, { server });
      if (started.status !== 200) throw new Error(`authorize: ${started.status} ${started.text}`);
      const callback = await completeConsentHeadlessly(started.body.authorizationUrl, {
        username: authorizeOptions.username ?? 'alice',
        password: authorizeOptions.username === 'bob' ? 'builder' : 'wonderland',
        decision: authorizeOptions.decision ?? 'allow',
      });
      const response = await fetch(callback, { redirect: 'manual', headers: { accept: 'text/html' } });
      seen.push(await response.clone().text());
      return response;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return env;
}
