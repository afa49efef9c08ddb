import type { LoadSummary } from './load-summary.js';

/** A measured run plus what the other processes reported over the same window. */
export interface MeasuredRound extends LoadSummary {
  /** CPU time of the bench process: the server under test in the proxy and invoke scenarios. */
  readonly benchProcessCpuMs: number;
  readonly upstreamCpuMs: number;
  readonly upstreamCalls: number;
}

/** One round of one scenario, as kept in the report. */
export interface RoundFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly durationSeconds: number;
  readonly benchProcessCpuMsPerRequest: number;
}

/** CPU time per 2xx response, by process. */
export interface CpuPerRequest {
  readonly benchProcess: number;
  readonly upstream: number;
  readonly loadGenerator: number;
}

/** A scenario over all its measured rounds. */
export interface ScenarioFigures {
  /** 2xx responses over the summed measured time of all rounds. */
  readonly requestsPerSecond: number;
  /** Median over rounds of each round's p50 and p99 (autocannon histograms cannot be merged here). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Mean latency weighted by responses. */
  readonly meanMs: number;
  readonly maxMs: number;
  readonly successes: number;
  readonly statusCodes: { readonly '2xx': number; readonly '3xx': number; readonly '4xx': number; readonly '5xx': number };
  readonly errors: number;
  readonly timeouts: number;
  readonly measuredSeconds: number;
  /**
   * CPU ms per 2xx response in each process. Unlike req/s, the server's CPU cost per request
   * barely moves when other work on the machine takes cores away, so it is the steadier figure.
   */
  readonly cpuMsPerRequest: CpuPerRequest;
  /** Bench-process CPU time ÷ wall time (1 = one core busy all the time). */
  readonly benchProcessCpuUtilization: number;
  /** Upstream calls per 2xx response (≈1: every response made exactly one upstream call). */
  readonly upstreamCallsPerSuccess: number | null;
  readonly rounds: readonly RoundFigures[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Pools the rounds of one scenario. */
export function aggregateRounds(rounds: readonly MeasuredRound[]): ScenarioFigures {
  const sum = (pick: (round: MeasuredRound) => number): number => rounds.reduce((total, round) => total + pick(round), 0);
  const perRequest = (cpuMs: number, successes: number): number => (successes > 0 ? Number((cpuMs / successes).toFixed(4)) : Number.NaN);
  const successes = sum((r) => r.successes);
  const measuredSeconds = sum((r) => r.durationSeconds);
  return {
    requestsPerSecond: Number((successes / measuredSeconds).toFixed(1)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    meanMs: successes > 0 ? Number((sum((r) => r.meanMs * r.successes) / successes).toFixed(2)) : 0,
    maxMs: Math.max(...rounds.map((r) => r.maxMs)),
    successes,
    statusCodes: {
      '2xx': sum((r) => r.statusCodes['2xx']),
      '3xx': sum((r) => r.statusCodes['3xx']),
      '4xx': sum((r) => r.statusCodes['4xx']),
      '5xx': sum((r) => r.statusCodes['5xx']),
    },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    measuredSeconds: Number(measuredSeconds.toFixed(2)),
    cpuMsPerRequest: {
      benchProcess: perRequest(sum((r) => r.benchProcessCpuMs), successes),
      upstream: perRequest(sum((r) => r.upstreamCpuMs), successes),
      loadGenerator: perRequest(sum((r) => r.loadGeneratorCpuMs), successes),
    },
    benchProcessCpuUtilization: Number((sum((r) => r.benchProcessCpuMs) / (measuredSeconds * 1000)).toFixed(3)),
    upstreamCallsPerSuccess: successes > 0 ? Number((sum((r) => r.upstreamCalls) / successes).toFixed(3)) : null,
    rounds: rounds.map((r) => ({
      requestsPerSecond: r.requestsPerSecond,
      p50Ms: r.p50Ms,
      p99Ms: r.p99Ms,
      durationSeconds: r.durationSeconds,
      benchProcessCpuMsPerRequest: perRequest(r.benchProcessCpuMs, r.successes),
    })),
  };
}
