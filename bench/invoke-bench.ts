/**
 * `npm run bench`: throughput and latency of Switchboard's invoke (org `dev` with the admin key,
 * and a subscriber org with an org key on an installed version) against a bare proxy built on
 * the same stack and against the upstream called directly, plus a refresh storm. See README.md.
 *
 * Processes: this one runs the servers under test (bare proxy, Switchboard, the demo);
 * the upstream and autocannon each run in a child process of their own, so neither shares the
 * event loop being measured. Only 127.0.0.1 is ever contacted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { aggregateRounds, type MeasuredRound } from './aggregate-rounds.js';
import { startBareProxy } from './bare-proxy.js';
import { BENCH_USAGE, parseBenchOptions } from './bench-options.js';
import { formatReport, TARGET_INVOKE_OVER_BARE_PROXY, type BenchReport, type Ratio, type ScenarioResult } from './bench-report.js';
import { startCpuProfile, type ProfileSummary } from './cpu-profile.js';
import type { LoadRequest } from './load-generator-process.js';
import { runRefreshStorm } from './refresh-storm.js';
import { startLoadGenerator } from './start-load-generator.js';
import { setUpSubscriberOrg, SUBSCRIBER_ORG } from './subscriber-org.js';
import { startUpstreamProcess } from './start-upstream-process.js';
import { startSwitchboardFixture, UPSTREAM_API } from './switchboard-fixture.js';
import { UPSTREAM_CONTACTS_BODY } from './upstream-server.js';

/** One scenario's target; the load settings are the same for all of them. */
type ScenarioRequest = Omit<LoadRequest, 'type' | 'connections' | 'warmupRequests'>;
type ScenarioName = 'direct' | 'bareProxy' | 'invoke' | 'subscriberInvoke';

const RESULTS_DIR = new URL('./results/', import.meta.url);
const BARE_PROXY_TOKEN = 'bench-fixed-access-token';

const options = parseBenchOptions(process.argv.slice(2));
const log = (line: string): void => console.log(line);
const loadAverageBefore = loadavg().map((v) => Number(v.toFixed(2)));

log(`Switchboard invoke bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
log(
  `per scenario: ${options.warmupRequests} warm-up requests, then ${options.rounds} round(s) × ${options.durationSeconds} s measured; ` +
    `${options.connections} connections; refresh storm of ${options.stormConcurrency}`,
);
log(`usage: ${BENCH_USAGE}`);
if (loadAverageBefore[0]! > cpus().length / 2) log(`note: load average is ${loadAverageBefore[0]} already — other work on this machine will skew the figures`);

// Closed in reverse order, also when a later start fails.
const closers: Array<() => Promise<void>> = [];
try {
  const load = startLoadGenerator();
  closers.push(() => load.close());
  const upstream = await startUpstreamProcess();
  closers.push(() => upstream.close());
  const proxy = await startBareProxy({ target: `${upstream.url}/contacts`, accessToken: BARE_PROXY_TOKEN });
  closers.push(() => proxy.close());
  const fixture = await startSwitchboardFixture({ upstreamUrl: upstream.url });
  closers.push(() => fixture.close());
  const subscriber = await setUpSubscriberOrg(fixture);

  const expectedBody: unknown = JSON.parse(UPSTREAM_CONTACTS_BODY.toString('utf8'));
  const scenarios: Record<ScenarioName, { label: string; what: string; request: ScenarioRequest }> = {
    direct: {
      label: 'direct',
      what: 'GET /contacts on the loopback upstream, no proxy',
      request: { url: `${upstream.url}/contacts`, method: 'GET', headers: { authorization: 'Bearer bench-direct-token' } },
    },
    bareProxy: {
      label: 'bare proxy',
      what: 'POST /proxy: Hono + @hono/node-server + undici fetch/Agent, nothing else',
      request: { url: `${proxy.url}/proxy`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    },
    invoke: {
      label: 'invoke',
      what: `POST /v1/orgs/dev/invoke/bench.${UPSTREAM_API}: Switchboard on SQLite, authorized connection`,
      request: { url: fixture.invokeUrl(UPSTREAM_API), method: 'POST', headers: fixture.headers, body: '{}' },
    },
    subscriberInvoke: {
      label: 'subscriber invoke',
      what: `POST /v1/orgs/${SUBSCRIBER_ORG}/invoke/bench.${UPSTREAM_API} with an org key: published version ${subscriber.version}, installed via a solution release, authorized in that org`,
      request: { url: subscriber.invokeUrl(UPSTREAM_API), method: 'POST', headers: subscriber.headers, body: '{}' },
    },
  };
  const order: ScenarioName[] = ['direct', 'bareProxy', 'invoke', 'subscriberInvoke'];

  // Each scenario must answer what it claims before it is measured.
  await expectJson(scenarios.direct.request, (body) => isDeepStrictEqual(body, expectedBody));
  await expectJson(scenarios.bareProxy.request, (body) => isProxied(body, expectedBody));
  await expectJson(scenarios.invoke.request, (body) => isProxied(body, expectedBody));
  await expectJson(scenarios.subscriberInvoke.request, (body) => isProxied(body, expectedBody));

  const rounds: Record<ScenarioName, MeasuredRound[]> = { direct: [], bareProxy: [], invoke: [], subscriberInvoke: [] };
  let profile: ProfileSummary | undefined;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const name of order) {
      const { label, request } = scenarios[name];
      const warmupRequests = round === 1 ? options.warmupRequests : 0;
      const profiled = options.profile && name === 'invoke' && round === options.rounds;
      log(`▸ round ${round}/${options.rounds} ${label}: ${warmupRequests ? `warm-up ${warmupRequests} requests, ` : ''}measuring ${options.durationSeconds} s${profiled ? ' (CPU-profiled)' : ''} …`);
      let profiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
      let cpuAtStart = process.cpuUsage();
      const summary = await load.run(
        { ...request, connections: options.connections, warmupRequests, durationSeconds: options.durationSeconds },
        {
          async onMeasuring() {
            await upstream.resetCounters();
            cpuAtStart = process.cpuUsage();
            if (profiled) profiler = await startCpuProfile();
          },
        },
      );
      const cpu = process.cpuUsage(cpuAtStart);
      if (profiler) profile = await profiler.stop(new URL('invoke.cpuprofile', RESULTS_DIR));
      const counters = await upstream.counters();
      rounds[name].push({ ...summary, benchProcessCpuMs: (cpu.user + cpu.system) / 1000, upstreamCpuMs: counters.cpuMs, upstreamCalls: counters.contacts });
    }
  }

  log(`▸ refresh storm: ${options.stormConcurrency} concurrent invokes on an expired token …`);
  const refreshStorm = await runRefreshStorm(fixture, load, options.stormConcurrency);

  const result = (name: ScenarioName): ScenarioResult => ({ what: scenarios[name].what, ...aggregateRounds(rounds[name]) });
  const direct = result('direct');
  const bareProxy = result('bareProxy');
  const invoke = result('invoke');
  const subscriberInvoke = result('subscriberInvoke');
  const ratio = (a: ScenarioResult, b: ScenarioResult): Ratio => ({
    pooled: Number((a.requestsPerSecond / b.requestsPerSecond).toFixed(3)),
    perRound: a.rounds.map((round, i) => Number((round.requestsPerSecond / b.rounds[i]!.requestsPerSecond).toFixed(3))),
  });
  const invokeOverBareProxy = ratio(invoke, bareProxy);
  const byCpuCost = (a: ScenarioResult, b: ScenarioResult): Ratio => ({
    pooled: Number((b.cpuMsPerRequest.benchProcess / a.cpuMsPerRequest.benchProcess).toFixed(3)),
    perRound: a.rounds.map((round, i) => Number((b.rounds[i]!.benchProcessCpuMsPerRequest / round.benchProcessCpuMsPerRequest).toFixed(3))),
  });
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    machine: {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      loadAverageBefore,
      loadAverageAfter: loadavg().map((v) => Number(v.toFixed(2))),
    },
    settings: {
      ...options,
      loadGenerator: 'autocannon 9 in one child process for the whole run',
      upstream: 'node:http in a child process',
      serverUnderTest: 'the bench process (bare proxy; Switchboard + the demo authorization server)',
    },
    scenarios: { direct, bareProxy, invoke, subscriberInvoke },
    ratios: {
      invokeOverBareProxy,
      invokeOverDirect: ratio(invoke, direct),
      bareProxyOverDirect: ratio(bareProxy, direct),
      invokeOverBareProxyByCpuCost: byCpuCost(invoke, bareProxy),
      subscriberInvokeOverInvoke: ratio(subscriberInvoke, invoke),
      subscriberInvokeOverInvokeByCpuCost: byCpuCost(subscriberInvoke, invoke),
    },
    target: { invokeOverBareProxy: TARGET_INVOKE_OVER_BARE_PROXY, met: invokeOverBareProxy.pooled >= TARGET_INVOKE_OVER_BARE_PROXY },
    refreshStorm,
    ...(profile ? { profile } : {}),
  };
  log(formatReport(report));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = new URL('latest.json', RESULTS_DIR);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nwrote ${fileURLToPath(file)}`);
} finally {
  for (const close of closers.reverse()) await close();
}

/** One request of a scenario; throws unless it answers 200 with the expected JSON. */
async function expectJson(request: ScenarioRequest, check: (body: unknown) => boolean): Promise<void> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  const text = await response.text();
  if (response.status !== 200 || !check(JSON.parse(text))) throw new Error(`sanity check of ${request.method} ${request.url}: ${response.status} ${text.slice(0, 300)}`);
}

/** `{status: 200, headers, body}` with the upstream's body. */
function isProxied(value: unknown, expected: unknown): boolean {
  const envelope = value as { status?: unknown; headers?: unknown; body?: unknown };
  return envelope.status === 200 && typeof envelope.headers === 'object' && isDeepStrictEqual(envelope.body, expected);
}
