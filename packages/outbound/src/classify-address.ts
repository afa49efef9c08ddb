import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 address as parsed by ipaddr.js. */
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** The ipaddr.js range name of an address (`'unicast'` for ordinary public addresses). */
export type AddressRange = ReturnType<ipaddr.IPv4['range']> | ReturnType<ipaddr.IPv6['range']>;

/** What the SSRF guard knows about one IP address. */
export interface AddressClassification {
  /**
   * The address that is judged. For an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`,
   * RFC 4291 §2.5.5.2) this is the embedded IPv4 address: packets sent to it go to that IPv4
   * host, and Node reports dual-stack peers in this form.
   */
  readonly address: IpAddress;
  /** The range the address falls in; see `isPublic`. */
  readonly range: AddressRange;
  /**
   * True only for ordinary, globally routable unicast. Everything else — private (RFC 1918,
   * RFC 4193), loopback, link-local (incl. cloud metadata 169.254.169.254), multicast,
   * unspecified, broadcast, reserved, carrier-grade NAT (RFC 6598), benchmarking (RFC 2544),
   * 6to4 / Teredo / NAT64 translation prefixes — is not public.
   */
  readonly isPublic: boolean;
}

// IANA allocates IPv6 global unicast only from 2000::/3 (RFC 4291 §2.4). ipaddr.js calls any
// address it has no name for 'unicast', including the deprecated IPv4-compatible ::a.b.c.d
// (RFC 4291 §2.5.5.1), so anything outside 2000::/3 is treated as reserved.
const globalUnicastV6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Classifies an IP address for the SSRF guard. Pure.
 *
 * Accepts only the canonical textual forms Node and the WHATWG URL parser produce (dotted-quad
 * IPv4, RFC 4291/5952 IPv6, optionally with a zone id); ambiguous legacy forms such as `0x7f.1`
 * or `2130706433` return `undefined`, so a caller that treats `undefined` as "refuse" fails
 * closed. (URLs never reach here in those forms: the URL parser rewrites them to dotted quads.)
 *
 * @returns the classification, or `undefined` if `address` is not an IP address.
 */
export function classifyAddress(address: string): AddressClassification | undefined {
  if (isIP(address) === 0) return undefined;
  // `process` unwraps IPv4-mapped IPv6 to IPv4 so the embedded address is what gets judged.
  const parsed = ipaddr.process(address);
  let range: AddressRange = parsed.range();
  if (range === 'unicast' && parsed.kind() === 'ipv6' && !parsed.match(globalUnicastV6)) {
    range = 'reserved';
  }
  return { address: parsed, range, isPublic: range === 'unicast' };
}
