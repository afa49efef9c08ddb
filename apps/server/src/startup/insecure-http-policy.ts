import { isIP } from 'node:net';
import { classifyAddress, compileAllowList, isAllowedAddress } from '@switchboard/outbound';

/**
 * Plain `http:` is allowed only towards hosts the operator put in
 * SWITCHBOARD_ALLOW_PRIVATE_NETWORK (the demo, a lab service): tokens and client secrets travel
 * in these requests, so anything on the public internet must be https.
 */
export function insecureHttpPolicy(allowPrivateNetwork: readonly string[]): (url: URL) => boolean {
  const allowList = compileAllowList(allowPrivateNetwork);
  return (url) => {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (allowList.hostnames.has(host)) return true;
    if (isIP(host) === 0) return false;
    const classification = classifyAddress(host);
    return classification !== undefined && !classification.isPublic && isAllowedAddress(host, undefined, allowList);
  };
}
