import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { IpAddress } from './classify-address.js';

/** A CIDR block: network address and prefix length. */
export type CidrRange = readonly [IpAddress, number];

/**
 * The compiled form of the private-network allow-list (SWITCHBOARD_ALLOW_PRIVATE_NETWORK):
 * destinations the SSRF guard lets through although they are not public.
 */
export interface AllowList {
  /** Lower-cased hostnames, matched exactly against the URL hostname. */
  readonly hostnames: ReadonlySet<string>;
  /** Single addresses (as /32 or /128) and CIDR blocks, matched against the address connected to. */
  readonly ranges: readonly CidrRange[];
}

// RFC 1123 §2.1 labels; '_' is tolerated because internal DNS names (service records,
// docker-compose service names) use it, and an allow-list entry only ever widens access on
// purpose. Wildcards are not supported: an entry names one host.
const hostnamePattern = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/;

// The WHATWG URL parser treats a host whose last label is a number (decimal, 0x-hex or
// 0-octal) as IPv4 (URL Standard, "ends in a number checker"): `10.1` is never a hostname.
const endsInNumber = /(?:^|\.)(?:\d+|0x[0-9a-f]*)\.?$/;

/**
 * Validates and compiles allow-list entries: hostnames (`localhost`, `crm.internal`), IP
 * addresses (`127.0.0.1`, `::1`, `[::1]`) and CIDR blocks (`10.0.0.0/8`, `fd00::/8`).
 *
 * IPv4 must be in four-part dotted-decimal form: `0x7f.1` or `10.1` would mean something
 * different to the URL parser than a reader expects. IPv4-mapped IPv6 entries are stored as
 * the IPv4 they embed, matching how addresses are judged.
 *
 * @throws Error naming the first bad entry and why it is bad.
 */
export function compileAllowList(entries: readonly string[]): AllowList {
  const hostnames = new Set<string>();
  const ranges: CidrRange[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') throw new Error(`Invalid allow-list entry "${raw}": ${parsed}`);
    if (parsed.kind === 'hostname') hostnames.add(parsed.hostname);
    else ranges.push(parsed.range);
  }
  return { hostnames, ranges };
}

type ParsedEntry = { readonly kind: 'hostname'; readonly hostname: string } | { readonly kind: 'range'; readonly range: CidrRange };

/** Returns the parsed entry, or a sentence saying what is wrong with it. */
function parseEntry(entry: string): ParsedEntry | string {
  if (entry === '') return 'the entry is empty';

  const slash = entry.indexOf('/');
  if (slash !== -1) {
    const address = stripBrackets(entry.slice(0, slash));
    const prefixText = entry.slice(slash + 1);
    const family = isIP(address);
    if (family === 0) return `"${address}" is not an IP address (IPv4 must be four-part dotted decimal)`;
    const maxPrefix = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxPrefix) {
      return `the prefix length must be a whole number from 0 to ${maxPrefix}`;
    }
    return { kind: 'range', range: normaliseRange(ipaddr.parse(address), Number(prefixText)) };
  }

  const address = stripBrackets(entry);
  if (isIP(address) !== 0) {
    const parsed = ipaddr.parse(address);
    return { kind: 'range', range: normaliseRange(parsed, parsed.kind() === 'ipv4' ? 32 : 128) };
  }
  if (entry.includes(':') || entry.startsWith('[')) return 'not a valid IPv6 address';
  if (endsInNumber.test(entry)) return 'looks like an IPv4 address but is not four-part dotted decimal (e.g. 10.0.0.1)';
  if (!hostnamePattern.test(entry)) {
    return 'not a hostname, IP address or CIDR block (wildcards are not supported; non-ASCII names must be given in punycode)';
  }
  return { kind: 'hostname', hostname: entry };
}

function stripBrackets(value: string): string {
  return value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
}

/** IPv4-mapped IPv6 ranges (::ffff:0:0/96 and narrower) become the IPv4 range they embed. */
function normaliseRange(address: IpAddress, prefix: number): CidrRange {
  if (address instanceof ipaddr.IPv6 && prefix >= 96 && address.isIPv4MappedAddress()) {
    return [address.toIPv4Address(), prefix - 96];
  }
  return [address, prefix];
}
