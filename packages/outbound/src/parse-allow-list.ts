import { compileAllowList } from './compile-allow-list.js';

/**
 * Parses the comma-separated value of SWITCHBOARD_ALLOW_PRIVATE_NETWORK into validated entries
 * for `OutboundOptions.allowPrivateNetwork`, e.g. `"localhost, 127.0.0.1, ::1, 10.0.0.0/8"`.
 *
 * Whitespace around entries and empty entries (a trailing comma) are ignored; hostnames are
 * lower-cased. Validation is the same as `createOutbound` applies, so a typo fails at startup
 * rather than silently leaving a destination blocked (or open).
 *
 * @throws Error naming the variable and the bad entry, e.g. a CIDR prefix above 32.
 */
export function parseAllowList(value: string): readonly string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  try {
    compileAllowList(entries);
  } catch (error) {
    throw new Error(`SWITCHBOARD_ALLOW_PRIVATE_NETWORK: ${(error as Error).message}`, { cause: error });
  }
  return Object.freeze(entries);
}
