import { authorizeThroughDemo } from './authorize-through-demo.js';
import { BENCH_CONNECTOR, type SwitchboardFixture } from './switchboard-fixture.js';

/** The subscriber org the bench installs the `bench` connector in. */
export const SUBSCRIBER_ORG = 'bench-customer';
/** The solution that brings the `bench` connector to the subscriber org. */
export const BENCH_SOLUTION = 'bench_solution';
export const BENCH_RELEASE = '1.0.0';

/** A 1×1 PNG (67 bytes): the logo publishing requires. */
const LOGO_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export interface SubscriberOrg {
  readonly org: string;
  /** The published version of `bench` the org's installed release brings. */
  readonly version: number;
  /** Headers of an org-key JSON request (the key is shown only here, once). */
  readonly headers: Record<string, string>;
  /** e.g. http://127.0.0.1:PORT/v1/orgs/bench-customer/invoke/bench.contacts */
  invokeUrl(api: string): string;
}

/**
 * The distribution path a real customer takes, through the HTTP API only: publish the `bench`
 * draft (with its APIs, already set up by the fixture), pin that version in a solution, cut
 * release 1.0.0, create org `bench-customer`, install the release there, authorize the connector
 * in that org through the real authorization-code flow at the demo, and mint an org key. Invokes
 * with that key then go through key authentication and the installed-version lookup — what the
 * `dev` org (admin key, drafts) skips.
 */
export async function setUpSubscriberOrg(fixture: SwitchboardFixture): Promise<SubscriberOrg> {
  const { request } = fixture;
  const published = await request<{ version: number }>(
    'POST',
    `/v1/connectors/${BENCH_CONNECTOR}/publish`,
    { logo: LOGO_PNG_BASE64, supportEmail: 'support@bench.example', releaseNotes: 'Published by the benchmark.' },
    201,
  );
  await request('POST', '/v1/solutions', { apiName: BENCH_SOLUTION, name: 'Bench solution' }, 201);
  await request('PUT', `/v1/solutions/${BENCH_SOLUTION}/connectors/${BENCH_CONNECTOR}`, { version: published.version }, 200);
  await request('POST', `/v1/solutions/${BENCH_SOLUTION}/releases`, { version: BENCH_RELEASE }, 201);
  await request('POST', '/v1/orgs', { id: SUBSCRIBER_ORG, name: 'Bench customer' }, 201);
  await request('POST', `/v1/orgs/${SUBSCRIBER_ORG}/installations`, { solution: BENCH_SOLUTION, release: BENCH_RELEASE }, 201);
  await authorizeThroughDemo(request, fixture.demo, SUBSCRIBER_ORG, BENCH_CONNECTOR);
  const created = await request<{ key: string }>('POST', `/v1/orgs/${SUBSCRIBER_ORG}/keys`, { name: 'bench' }, 201);

  // The key is an org key, not a second admin key: org `dev` refuses it.
  const headers = { authorization: `Bearer ${created.key}`, 'content-type': 'application/json' };
  const elsewhere = await fetch(`${fixture.server.url}/v1/orgs/dev/connections/${BENCH_CONNECTOR}`, { headers });
  await elsewhere.body?.cancel();
  if (elsewhere.status !== 403 && elsewhere.status !== 404) throw new Error(`the ${SUBSCRIBER_ORG} key was answered ${elsewhere.status} on org dev`);

  const connection = await request<{ version?: number | null }>('GET', `/v1/orgs/${SUBSCRIBER_ORG}/connections/${BENCH_CONNECTOR}`, undefined, 200);
  if (connection.version !== published.version) throw new Error(`${SUBSCRIBER_ORG} uses version ${String(connection.version)} of ${BENCH_CONNECTOR}, expected ${published.version}`);

  return {
    org: SUBSCRIBER_ORG,
    version: published.version,
    headers,
    invokeUrl: (api) => `${fixture.server.url}/v1/orgs/${SUBSCRIBER_ORG}/invoke/${BENCH_CONNECTOR}.${api}`,
  };
}
