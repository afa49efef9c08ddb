import type { LoadGenerator } from './start-load-generator.js';
import { BENCH_CONNECTOR, DEMO_API, type SwitchboardFixture } from './switchboard-fixture.js';

export interface RefreshStormResult {
  /** Invokes sent at once, one per connection. */
  readonly concurrency: number;
  /** Token-endpoint calls with grant_type=refresh_token seen by the demo during the storm. */
  readonly refreshTokenRequests: number;
  readonly expectedRefreshTokenRequests: 1;
  readonly met: boolean;
  readonly successes: number;
  readonly failures: number;
  readonly statusCodes: Record<string, number>;
  readonly errors: number;
  /** From the first connection to the last response, as seen by the load generator. */
  readonly wallTimeMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Requests that reached the demo's API (expected: one per invoke, no 401 retries). */
  readonly demoApiRequests: number;
  readonly connectionStatusAfter: string;
  readonly upstream: string;
}

/**
 * 500 invokes at once on an expired token. Setup: Switchboard's clock jumps past the token's
 * expiry (an hour ahead), and the demo invalidates every access token it issued, so a request
 * that went out with the old token would get 401 and force a second refresh: the count stays 1
 * only if every caller waited for the one shared refresh and used its result.
 * The invokes call the demo's real API (which validates each token against the provider), not
 * the bench upstream (which accepts any token), so "successes" means "the refreshed token
 * worked", not merely "a request went out".
 */
export async function runRefreshStorm(fixture: SwitchboardFixture, load: LoadGenerator, concurrency: number): Promise<RefreshStormResult> {
  const url = fixture.invokeUrl(DEMO_API);
  // Before the storm: the demo API path works on the current token.
  const probe = await fetch(url, { method: 'POST', headers: fixture.headers, body: '{}' });
  if (probe.status !== 200) throw new Error(`refresh storm probe: invoke answered ${probe.status} ${await probe.text()}`);
  await probe.body?.cancel();

  fixture.demo.invalidateIssuedAccessTokens();
  fixture.clock.advance(3600);
  fixture.demo.resetStats();

  const storm = await load.run({
    url,
    method: 'POST',
    headers: fixture.headers,
    body: '{}',
    connections: concurrency,
    warmupRequests: 0,
    amount: concurrency,
  });
  const stats = fixture.demo.stats();
  const connection = await fixture.request<{ status: string }>('GET', `/v1/orgs/dev/connections/${BENCH_CONNECTOR}`, undefined, 200);
  const refreshTokenRequests = stats.tokenRequests.refresh_token;
  const failures = storm.statusCodes['3xx'] + storm.statusCodes['4xx'] + storm.statusCodes['5xx'] + storm.errors;
  return {
    concurrency,
    refreshTokenRequests,
    expectedRefreshTokenRequests: 1,
    met: refreshTokenRequests === 1 && storm.successes === concurrency,
    successes: storm.successes,
    failures,
    statusCodes: storm.statusCodes,
    errors: storm.errors,
    wallTimeMs: Math.round(storm.durationSeconds * 1000),
    p50Ms: storm.p50Ms,
    p99Ms: storm.p99Ms,
    maxMs: storm.maxMs,
    demoApiRequests: stats.apiRequests,
    connectionStatusAfter: connection.status,
    upstream: 'demo API (GET /api/contacts), validates every token',
  };
}
