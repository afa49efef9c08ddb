import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type DemoService } from '@switchboard/demo';
import { parseConfig, startServer, type RunningServer } from '@switchboard/server';
import { bootstrapDemo, type DemoSetup } from '../../../../apps/cli/src/demo/bootstrap-demo.js';
import { captureLogger } from '../../../../apps/server/src/testing/capture-logger.js';

/** A JSON answer of the API. */
export interface StackResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

/** The quick start, running: a Switchboard server and the Acme CRM demo on loopback. */
export interface Stack {
  /** Switchboard's origin, e.g. `http://127.0.0.1:39127` (the console, `/widgets/sample` and the API). */
  readonly url: string;
  readonly adminKey: string;
  readonly server: RunningServer;
  /** The demo service; `demo.uploadedFiles()` is what its upload API received. */
  readonly demo: DemoService;
  /** The subscriber org the quick start sets up (`acme-customer` with solution `acme_crm`). */
  readonly subscriber: DemoSetup['subscriber'];
  /** The OAuth client registered at the demo (redirect URI: the server's), as a builder would paste it. */
  readonly demoClient: { readonly clientId: string; readonly clientSecret: string };
  /** A JSON request with the admin key, or with `key` (an org key). */
  api<T = any>(method: string, path: string, body?: unknown, key?: string): Promise<StackResponse<T>>;
  /** A new key of `org` (shown once); returns the key. */
  orgKey(org: string): Promise<string>;
  /** An SDK session token of `org`, minted with a new org key of it. */
  session(org: string, options: { allowedOrigins: string[]; connectors?: string[]; ttlSeconds?: number }): Promise<string>;
  /** Everything the server logged (pino JSON lines). */
  logs(): string;
  close(): Promise<void>;
}

/**
 * Starts what `switchboard start` starts, in this process: a server on an ephemeral
 * 127.0.0.1 port with SQLite in a fresh temp dir, and the demo on another, with the `acme`
 * connector created, published into `acme_crm` and installed in `acme-customer` by the CLI's own
 * bootstrap (the same public API calls the quick start makes). In-process so tests can read
 * what reached the demo (`demo.uploadedFiles()`). Close it in `afterAll`.
 */
export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-browser-'));
  const captured = captureLogger();
  let server: RunningServer | undefined;
  let demo: DemoService | undefined;
  try {
    const config = parseConfig({
      SWITCHBOARD_PORT: '0',
      SWITCHBOARD_HOST: '127.0.0.1',
      SWITCHBOARD_DATA_DIR: dataDir,
      // The demo listens on loopback, which the SSRF guard refuses unless allowed (as `start` does).
      SWITCHBOARD_ALLOW_PRIVATE_NETWORK: '127.0.0.1',
      SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    server = await startServer({ config, logger: captured.logger });
    const client = { clientId: 'switchboard-demo', clientSecret: randomBytes(24).toString('base64url') };
    demo = await startDemo({ clients: [{ ...client, redirectUris: [server.redirectUrl] }] });
    const setup = await bootstrapDemo(server, demo, client);
    const running = server;
    const runningDemo = demo;

    const api: Stack['api'] = async (method, path, body, key = running.adminKey) => {
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    };
    const orgKey = async (org: string) => {
      const created = await api<{ key: string }>('POST', `/v1/orgs/${org}/keys`, { name: 'browser test' });
      if (created.status !== 201) throw new Error(`create org key: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.key;
    };
    return {
      url: running.url,
      adminKey: running.adminKey,
      server: running,
      demo: runningDemo,
      subscriber: setup.subscriber,
      demoClient: client,
      api,
      orgKey,
      async session(org, options) {
        const created = await api<{ token: string }>('POST', `/v1/orgs/${org}/sessions`, options, await orgKey(org));
        if (created.status !== 201) throw new Error(`create session: ${created.status} ${JSON.stringify(created.body)}`);
        return created.body.token;
      },
      logs: captured.output,
      async close() {
        await Promise.allSettled([running.close(), runningDemo.close()]);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled([server?.close(), demo?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
