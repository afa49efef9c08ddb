import { BlockList, isIP } from 'node:net';
import { compileAllowList } from '@switchboard/outbound';

/**
 * Parses SWITCHBOARD_TRUSTED_PROXIES: comma-separated IP addresses and CIDR blocks
 * (`10.0.0.0/8, 127.0.0.1, fd00::/8`); blanks are ignored. Hostnames are refused: a proxy is
 * recognised by the socket's peer address, which DNS names cannot be compared with.
 *
 * @throws Error naming the bad entry and why it is bad.
 */
export function parseTrustedProxies(value: string): readonly string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    // The outbound allow-list parser knows IPs and CIDRs strictly (four-part dotted IPv4 only).
    let hostnames: ReadonlySet<string>;
    try {
      hostnames = compileAllowList([entry]).hostnames;
    } catch (error) {
      throw new Error((error as Error).message.replace('allow-list entry', 'entry'));
    }
    if (hostnames.size > 0) throw new Error(`Invalid entry "${entry}": not an IP address or CIDR block (hostnames are not supported)`);
  }
  return Object.freeze(entries);
}

/** Which peers are reverse proxies whose `X-Forwarded-For` is believed. */
export interface TrustedProxies {
  trusts(address: string): boolean;
}

/** Compiles entries `parseTrustedProxies` accepted. An empty list trusts nobody. */
export function compileTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const [address, prefix] of compileAllowList(entries).ranges) {
    // IPv4-mapped entries were already turned into IPv4 ranges by compileAllowList.
    list.addSubnet(address.toString(), prefix, address.kind());
  }
  return {
    trusts(address) {
      const family = isIP(address);
      return family !== 0 && entries.length > 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * One `X-Forwarded-For` element as a bare address: an IPv4 or IPv6 address, optionally with a
 * port (`192.0.2.1:443`, `[2001:db8::1]:443`, as some proxies write it); IPv4-mapped IPv6 as the
 * IPv4 it embeds. Undefined for anything else (`unknown`, hostnames, obfuscated identifiers).
 */
function forwardedAddress(raw: string): string | undefined {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  return normalizeAddress(value);
}

/** A valid IP, IPv4-mapped IPv6 as IPv4, without zone id (it names an interface, not a host); undefined when not an IP address. */
function normalizeAddress(value: string): string | undefined {
  const bare = value.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  const address = mapped ? mapped[1]! : bare;
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/**
 * The client's address. Without a trusted proxy in front it is the socket's peer: any client can
 * write `X-Forwarded-For`. When the peer is a trusted proxy, `X-Forwarded-For` is walked from the
 * right (each proxy appends the address it received from, so only the entries appended by trusted
 * proxies are facts): the first entry that is not itself a trusted proxy is the client.
 *
 * An entry that is not an address (`unknown`, garbage, an empty element) ends the walk at the last
 * trusted hop: the entries left of it were written by a peer nobody vouches for, and the garbage
 * itself is never used, so varying it cannot buy fresh rate-limit budgets.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  if (socketAddress === undefined) return 'unknown';
  let client = normalizeAddress(socketAddress) ?? socketAddress;
  if (forwardedFor === undefined || !trusted.trusts(client)) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = forwardedAddress(hops[i]!);
    if (hop === undefined) return client;
    client = hop;
    if (!trusted.trusts(hop)) return hop;
  }
  // Every hop was a trusted proxy: the leftmost is the closest thing to the client there is.
  return client;
}
