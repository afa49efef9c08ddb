import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeConnectorDefinition, startDemo, type DemoService } from '@switchboard/demo';
import { parseConfig, startServer, type RunningServer } from '@switchboard/server';
import { manualClock, type ManualClock } from '@switchboard/core';
import { authorizeThroughDemo } from './authorize-through-demo.js';
import { createJsonRequest, type JsonRequest } from './json-request.js';

/** The connector the bench creates; invoke targets are `bench.<api>`. */
export const BENCH_CONNECTOR = 'bench';
/** GET <upstream>/contacts: the steady-state invoke scenario. */
export const UPSTREAM_API = 'contacts';
/** GET <demo>/api/contacts: the refresh storm (the demo's resource server checks every token). */
export const DEMO_API = 'democontacts';

export interface SwitchboardFixture {
  readonly server: RunningServer;
  readonly demo: DemoService;
  /** Switchboard's clock; the demo keeps real time. */
  readonly clock: ManualClock;
  /** Headers of an admin-key JSON request. */
  readonly headers: Record<string, string>;
  /** e.g. http://127.0.0.1:PORT/v1/orgs/dev/invoke/bench.contacts */
  invokeUrl(api: string): string;
  /** An admin-key JSON request over a real socket; throws unless the status is `expected`. */
  readonly request: JsonRequest;
  close(): Promise<void>;
}

/**
 * A real Switchboard (SQLite in a temp dir, silent logs, loopback allowed by the SSRF guard,
 * a fake clock) plus the demo authorization server, with the `bench` connector set up and
 * authorized for org `dev` through the real authorization-code flow — the same path a person
 * takes, with the demo's login and consent forms filled in headlessly.
 */
export async function startSwitchboardFixture(options: { upstreamUrl: string }): Promise<SwitchboardFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const clock = manualClock();
  const adminKey = randomBytes(24).toString('base64url');
  const config = parseConfig({
    SWITCHBOARD_PORT: '0',
    SWITCHBOARD_HOST: '127.0.0.1',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_ALLOW_PRIVATE_NETWORK: '127.0.0.1',
    SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SWITCHBOARD_ADMIN_KEY: adminKey,
    SWITCHBOARD_LOG_LEVEL: 'silent',
  });
  const server = await startServer({ config, clock });
  const client = { clientId: 'switchboard-bench', clientSecret: randomBytes(24).toString('base64url') };
  let demo: DemoService | undefined;
  const close = async (): Promise<void> => {
    await server.close();
    await demo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
  const request = createJsonRequest(server.url, headers);

  try {
    demo = await startDemo({ clients: [{ ...client, redirectUris: [server.redirectUrl] }] });
    await request('POST', '/v1/connectors', { ...acmeConnectorDefinition(demo), name: 'Bench', apiName: BENCH_CONNECTOR, serviceName: 'Acme CRM (bench)' }, 201);
    await request('PUT', `/v1/connectors/${BENCH_CONNECTOR}/credentials`, client, 200);
    await request('POST', `/v1/connectors/${BENCH_CONNECTOR}/apis`, { name: 'Contacts (bench upstream)', apiName: UPSTREAM_API, method: 'GET', url: `${options.upstreamUrl}/contacts` }, 201);
    await request('POST', `/v1/connectors/${BENCH_CONNECTOR}/apis`, { name: 'Contacts (demo API)', apiName: DEMO_API, method: 'GET', url: `${demo.apiBaseUrl}/contacts` }, 201);

    await authorizeThroughDemo(request, demo, 'dev', BENCH_CONNECTOR);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    server,
    demo,
    clock,
    headers,
    invokeUrl: (api) => `${server.url}/v1/orgs/dev/invoke/${BENCH_CONNECTOR}.${api}`,
    request,
    close,
  };
}
