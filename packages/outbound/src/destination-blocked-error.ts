import { SwitchboardError } from '@switchboard/core';
import { classifyAddress } from './classify-address.js';

/**
 * The error of every SSRF-guard refusal. The message names the host only, never the URL: a
 * URL can carry secrets in its query string. The resolved address is not included either, so
 * the guard cannot be used to map internal DNS.
 *
 * @param host the URL hostname (or IP literal) the request was for.
 * @param reason why it was refused, phrased to follow "refused: ".
 */
export function destinationBlockedError(host: string, reason: string): SwitchboardError {
  return new SwitchboardError('destination_blocked', `Outbound request to "${host}" refused: ${reason}.`, {
    details: { host, reason },
  });
}

/**
 * Says why an address is refused, e.g. `the address is in the "loopback" range`, naming the
 * ipaddr.js range but not the address itself.
 */
export function addressRefusalReason(address: string): string {
  const range = classifyAddress(address)?.range;
  return range === undefined
    ? 'the address could not be classified'
    : `the address is in the "${range}" range and not in SWITCHBOARD_ALLOW_PRIVATE_NETWORK`;
}
