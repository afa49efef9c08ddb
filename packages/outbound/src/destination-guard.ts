import { isIP } from 'node:net';
import type { AllowList } from './compile-allow-list.js';
import { addressRefusalReason, destinationBlockedError } from './destination-blocked-error.js';
import { isAllowedAddress } from './is-allowed-address.js';

/** Checks a request URL before anything is dispatched; throws `destination_blocked`. */
export type DestinationGuard = (url: URL) => void;

// Bounded so a stream of distinct literal hosts cannot grow memory; the decision for an IP
// literal never changes for the lifetime of an allow-list, so caching it is safe.
const maxCachedHosts = 256;

/**
 * The SSRF guard's first point, run per request before undici sees it:
 *
 * - only `http:` and `https:` (a `file:` or `data:` URL must never be "fetched" for a user);
 * - no credentials in the URL (undici would refuse anyway, with the whole URL in its message);
 * - an IP-literal host is judged here, so a refused one never reaches the connection pool.
 *   The WHATWG URL parser has already rewritten `2130706433`, `0x7f.1`, `0177.0.0.1` and
 *   `127.1` to `127.0.0.1` (URL Standard, IPv4 parser), so only canonical forms arrive.
 *
 * Hostnames are judged later, on the addresses they resolve to (see `createGuardedLookup`).
 */
export function createDestinationGuard(allowList: AllowList): DestinationGuard {
  const allowedLiterals = new Set<string>();
  return (url) => {
    const { protocol, hostname } = url;
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw destinationBlockedError(hostname, `the scheme "${protocol}" is not allowed, only http: and https:`);
    }
    if (url.username !== '' || url.password !== '') {
      throw destinationBlockedError(hostname, 'credentials in the URL are not allowed');
    }
    if (allowedLiterals.has(hostname)) return;
    const address = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (isIP(address) === 0) return;
    if (!isAllowedAddress(address, address, allowList)) {
      throw destinationBlockedError(address, addressRefusalReason(address));
    }
    if (allowedLiterals.size >= maxCachedHosts) allowedLiterals.clear();
    allowedLiterals.add(hostname);
  };
}
