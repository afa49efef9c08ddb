import type { LookupAddress, LookupAllOptions, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AllowList } from './compile-allow-list.js';
import { addressRefusalReason, destinationBlockedError } from './destination-blocked-error.js';
import { isAllowedAddress } from './is-allowed-address.js';

/**
 * A DNS resolver with the shape of `dns.lookup(hostname, { all: true }, callback)`. Injectable
 * so tests can resolve names to chosen addresses without touching real DNS.
 */
export type OutboundLookup = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * Wraps a resolver as the `lookup` option of `net.connect` / `tls.connect` so that every
 * address a name resolves to is checked before any socket is opened (SSRF guard, point 2).
 *
 * One refused address fails the whole lookup rather than being filtered out: a name that
 * resolves to both public and private addresses is a DNS-rebinding pattern, and Node's
 * happy-eyeballs connect (`autoSelectFamily`, on by default in Node 20) may try any of them.
 */
export function createGuardedLookup(allowList: AllowList, lookup: OutboundLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    // Always resolve all addresses, whatever shape net asked for, so none escapes the check.
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, '');
        return;
      }
      const first = addresses[0];
      if (first === undefined) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '');
        return;
      }
      for (const { address } of addresses) {
        if (!isAllowedAddress(address, hostname, allowList)) {
          callback(destinationBlockedError(hostname, addressRefusalReason(address)), '');
          return;
        }
      }
      if (options.all === true) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
