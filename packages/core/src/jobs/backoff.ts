export interface BackoffOptions {
  /** The ceiling of the first retry's delay; default 1 s. */
  readonly baseMs?: number;
  /** No delay exceeds this; default 5 min. */
  readonly capMs?: number;
  /** A number in [0, 1); default `Math.random` (tests pass a constant). */
  readonly random?: () => number;
}

/**
 * The delay before the next run of a job that has failed `attempts` times: exponential backoff
 * with "full jitter", a uniformly random delay in [0, min(cap, base × 2^(attempts − 1))). The
 * randomness spreads the retries of many jobs that failed together (an upstream outage) instead
 * of sending them back in waves (see AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function jobBackoffMs(attempts: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be a positive integer');
  // 2 ** n overflows to Infinity for huge n, and Math.min then yields the cap: no special case.
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempts - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}
