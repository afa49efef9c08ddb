import type { ScenarioFigures } from './aggregate-rounds.js';
import type { BenchOptions } from './bench-options.js';
import type { ProfileSummary } from './cpu-profile.js';
import type { RefreshStormResult } from './refresh-storm.js';

/** Invoke must reach this share of the bare proxy's throughput. */
export const TARGET_INVOKE_OVER_BARE_PROXY = 0.8;

export interface ScenarioResult extends ScenarioFigures {
  readonly what: string;
}

export interface Ratio {
  /** From the pooled throughputs. */
  readonly pooled: number;
  /** The same ratio within each round (the scenarios of one round ran back to back). */
  readonly perRound: readonly number[];
}

/** What `bench/results/latest.json` holds. */
export interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly machine: {
    readonly cores: number;
    readonly cpuModel: string;
    readonly memoryMb: number;
    /** os.loadavg() (1, 5, 15 min) before and after: other work on the machine skews every figure. */
    readonly loadAverageBefore: readonly number[];
    readonly loadAverageAfter: readonly number[];
  };
  readonly settings: BenchOptions & { readonly loadGenerator: string; readonly upstream: string; readonly serverUnderTest: string };
  readonly scenarios: {
    readonly direct: ScenarioResult;
    readonly bareProxy: ScenarioResult;
    /** Org `dev`, admin key, the connector's draft. */
    readonly invoke: ScenarioResult;
    /** A subscriber org, its org key, the published version its installed release brings. */
    readonly subscriberInvoke: ScenarioResult;
  };
  readonly ratios: {
    /** Throughput (2xx req/s). */
    readonly invokeOverBareProxy: Ratio;
    readonly invokeOverDirect: Ratio;
    readonly bareProxyOverDirect: Ratio;
    /**
     * Bare proxy's server CPU per request ÷ invoke's: the throughput ratio to expect when the
     * server process is the bottleneck on a core of its own. Steadier than req/s on a busy machine.
     */
    readonly invokeOverBareProxyByCpuCost: Ratio;
    /** What org-key authentication and the installed-version lookup cost, relative to `dev` with the admin key. */
    readonly subscriberInvokeOverInvoke: Ratio;
    /** Invoke's server CPU per request ÷ subscriber invoke's. */
    readonly subscriberInvokeOverInvokeByCpuCost: Ratio;
  };
  readonly target: { readonly invokeOverBareProxy: number; readonly met: boolean };
  readonly refreshStorm: RefreshStormResult;
  /** Present when run with --profile (then the invoke figures are lowered by sampling). */
  readonly profile?: ProfileSummary;
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const spread = (values: readonly number[], digits: number): string => values.map((v) => v.toFixed(digits)).join(' / ');

/** The human-readable report printed at the end of a run. */
export function formatReport(report: BenchReport): string {
  const rows: Array<[string, ScenarioResult]> = [
    ['direct', report.scenarios.direct],
    ['bare proxy', report.scenarios.bareProxy],
    ['invoke', report.scenarios.invoke],
    ['subscriber invoke', report.scenarios.subscriberInvoke],
  ];
  const lines = [
    '',
    `scenario             req/s   p50 ms  p99 ms  non-2xx  errors  upstream/2xx  server CPU ms/req  req/s per round`,
    ...rows.map(([name, r]) => {
      const non2xx = r.statusCodes['3xx'] + r.statusCodes['4xx'] + r.statusCodes['5xx'];
      const serverCpu = name === 'direct' ? r.cpuMsPerRequest.upstream : r.cpuMsPerRequest.benchProcess;
      return (
        `${name.padEnd(17)}${pad(r.requestsPerSecond.toFixed(0), 9)}${pad(r.p50Ms, 9)}${pad(r.p99Ms, 8)}${pad(non2xx, 9)}${pad(r.errors, 8)}` +
        `${pad(r.upstreamCallsPerSuccess?.toFixed(2) ?? '-', 14)}${pad(serverCpu.toFixed(3), 19)}  ${spread(r.rounds.map((x) => x.requestsPerSecond), 0)}`
      );
    }),
    `(server CPU: the upstream process for direct, the bench process for the others)`,
    '',
    `                             pooled   per round`,
    `invoke / bare proxy          ${report.ratios.invokeOverBareProxy.pooled.toFixed(2)}     ${spread(report.ratios.invokeOverBareProxy.perRound, 2)}   (target ≥ ${report.target.invokeOverBareProxy.toFixed(2)}: ${report.target.met ? 'met' : 'NOT met'})`,
    `invoke / direct              ${report.ratios.invokeOverDirect.pooled.toFixed(2)}     ${spread(report.ratios.invokeOverDirect.perRound, 2)}`,
    `bare proxy / direct          ${report.ratios.bareProxyOverDirect.pooled.toFixed(2)}     ${spread(report.ratios.bareProxyOverDirect.perRound, 2)}`,
    `subscriber invoke / invoke   ${report.ratios.subscriberInvokeOverInvoke.pooled.toFixed(2)}     ${spread(report.ratios.subscriberInvokeOverInvoke.perRound, 2)}   (org key + installed version vs admin key + draft)`,
    `by server CPU cost per request (steadier on a busy machine):`,
    `  invoke / bare proxy          ${report.ratios.invokeOverBareProxyByCpuCost.pooled.toFixed(2)}     ${spread(report.ratios.invokeOverBareProxyByCpuCost.perRound, 2)}`,
    `  subscriber invoke / invoke   ${report.ratios.subscriberInvokeOverInvokeByCpuCost.pooled.toFixed(2)}     ${spread(report.ratios.subscriberInvokeOverInvokeByCpuCost.perRound, 2)}`,
    '',
  ];
  const s = report.refreshStorm;
  lines.push(
    `refresh storm: ${s.concurrency} concurrent invokes on an expired token → ${s.refreshTokenRequests} refresh-token request(s) at the token endpoint (expected ${s.expectedRefreshTokenRequests}): ${s.met ? 'OK' : 'NOT OK'}`,
    `  ${s.successes}/${s.concurrency} succeeded (${s.failures} failed), wall time ${s.wallTimeMs} ms, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms`,
    `  demo API requests ${s.demoApiRequests}, connection afterwards: ${s.connectionStatusAfter}`,
    '',
    `load average before ${spread(report.machine.loadAverageBefore, 2)}, after ${spread(report.machine.loadAverageAfter, 2)} (${report.machine.cores} cores)`,
  );
  if (report.profile) {
    lines.push('', `CPU profile of the server process during the last measured invoke round (${report.profile.file}):`, '  self time by module:');
    for (const m of report.profile.byModule.slice(0, 12)) lines.push(`    ${pad(m.selfPercent.toFixed(1), 5)}%  ${m.module}`);
    lines.push('  top functions by self time:');
    for (const f of report.profile.topFunctions.slice(0, 20)) lines.push(`    ${pad(f.selfPercent.toFixed(1), 5)}%  ${f.name}  ${f.where}`);
    lines.push('  (the invoke figures above are lowered by the sampling; compare only unprofiled runs)');
  }
  return lines.join('\n');
}
