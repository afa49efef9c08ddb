import type autocannon from 'autocannon';

/** One measured load run, reduced to what the report needs. */
export interface LoadSummary {
  /** Successful (2xx) responses per second over the measured window. */
  readonly requestsPerSecond: number;
  /** autocannon's per-second samples of all responses: mean and standard deviation. */
  readonly perSecondSamples: { readonly mean: number; readonly stddev: number; readonly min: number; readonly max: number };
  /** Latency of 2xx responses in ms (autocannon records whole milliseconds). */
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** 2xx responses in the measured window. */
  readonly successes: number;
  readonly statusCodes: { readonly '2xx': number; readonly '3xx': number; readonly '4xx': number; readonly '5xx': number };
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  readonly connections: number;
  /** Wall time of the measured run in seconds. */
  readonly durationSeconds: number;
  /** CPU time (user + system) the load generator itself spent on the measured run. */
  readonly loadGeneratorCpuMs: number;
}

/** Reduces an autocannon result; rates count 2xx only, so a failing target cannot look fast. */
export function summarizeLoad(result: autocannon.Result, loadGeneratorCpuMs: number): LoadSummary {
  const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
  return {
    requestsPerSecond: round(result['2xx'] / result.duration, 1),
    perSecondSamples: { mean: round(result.requests.mean, 1), stddev: round(result.requests.stddev, 1), min: result.requests.min, max: result.requests.max },
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.mean),
    maxMs: result.latency.max,
    successes: result['2xx'],
    statusCodes: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    errors: result.errors,
    timeouts: result.timeouts,
    connections: result.connections,
    durationSeconds: result.duration,
    loadGeneratorCpuMs: Math.round(loadGeneratorCpuMs),
  };
}
