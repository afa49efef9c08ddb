import type { AllowList } from './compile-allow-list.js';
import { classifyAddress, type IpAddress } from './classify-address.js';

/**
 * Decides whether the SSRF guard lets a connection to `address` through. Pure.
 *
 * Allowed when the URL `hostname` is allow-listed by name (then any address it resolves to is
 * accepted: that is what naming a host means), when the address is public unicast, or when it
 * falls in an allow-listed address or CIDR block. Anything that is not an IP address is refused.
 *
 * @param address the address about to be (or just) connected to, as Node reports it.
 * @param hostname the URL hostname the request was made for (lower-case, without brackets), or
 *   `undefined` when only the address is known.
 */
export function isAllowedAddress(address: string, hostname: string | undefined, allowList: AllowList): boolean {
  if (hostname !== undefined && allowList.hostnames.size > 0 && allowList.hostnames.has(hostname.toLowerCase())) {
    return true;
  }
  const classification = classifyAddress(address);
  if (classification === undefined) return false;
  if (classification.isPublic) return true;
  return isInAllowedRange(classification.address, allowList);
}

function isInAllowedRange(address: IpAddress, allowList: AllowList): boolean {
  const kind = address.kind();
  for (const [network, prefix] of allowList.ranges) {
    // ipaddr.js throws when matching across families, so compare kinds first.
    if (network.kind() === kind && address.match(network, prefix)) return true;
  }
  return false;
}
