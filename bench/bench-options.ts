import { parseArgs } from 'node:util';

export interface BenchOptions {
  /**
   * Requests sent before the first measured round of each scenario and thrown away. A count,
   * not a duration: V8 optimises after a number of calls, and invoke (slower per request) needs
   * more seconds than the bare proxy to see as many. Measured here: both settle within roughly
   * 5,000–7,000 requests — about 5 s for the bare proxy, about 15 s for invoke.
   */
  readonly warmupRequests: number;
  readonly durationSeconds: number;
  /** Measured rounds; each round runs every scenario once, so background load hits all alike. */
  readonly rounds: number;
  readonly connections: number;
  readonly stormConcurrency: number;
  /** Sample the server process's CPU during the measured invoke run. */
  readonly profile: boolean;
}

export const BENCH_USAGE = `npm run bench [-- --warmup-requests 10000 --duration 5 --rounds 3 --connections 50 --storm 500 --profile]`;

/** Flags of `npm run bench -- …`; the defaults (10,000 warm-up requests, then 3 rounds × 5 s per scenario) keep a whole run near 80 s. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'warmup-requests': { type: 'string', default: '10000' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      storm: { type: 'string', default: '500' },
      profile: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (name: string, value: string, min: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}". Usage: ${BENCH_USAGE}`);
    return parsed;
  };
  return {
    warmupRequests: number('warmup-requests', values['warmup-requests'], 0),
    durationSeconds: number('duration', values.duration, 1),
    rounds: number('rounds', values.rounds, 1),
    connections: number('connections', values.connections, 1),
    stormConcurrency: number('storm', values.storm, 1),
    profile: values.profile,
  };
}
