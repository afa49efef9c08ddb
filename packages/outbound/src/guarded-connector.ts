import { isIP } from 'node:net';
import type { buildConnector } from 'undici';
import type { AllowList } from './compile-allow-list.js';
import { addressRefusalReason, destinationBlockedError } from './destination-blocked-error.js';
import { isAllowedAddress } from './is-allowed-address.js';

/**
 * Wraps an undici connector (normally `buildConnector({ lookup: createGuardedLookup(…) })`)
 * with the SSRF checks that do not depend on DNS:
 *
 * - an IP-literal origin is judged before the inner connector runs, so no socket is opened;
 * - after connecting, `socket.remoteAddress` — the address actually connected to — is judged
 *   again, and the socket destroyed if refused, before undici writes a single request byte
 *   (belt and braces: the guarded lookup should already have refused it).
 */
export function createGuardedConnector(allowList: AllowList, connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) => {
    // undici passes IPv6 literals without brackets.
    const { hostname } = options;
    if (isIP(hostname) !== 0 && !isAllowedAddress(hostname, hostname, allowList)) {
      const error = destinationBlockedError(hostname, addressRefusalReason(hostname));
      // undici's own connectors always answer asynchronously; keep that contract.
      process.nextTick(callback, error, null);
      return;
    }
    connect(options, (error: Error | null, socket) => {
      if (error !== null || socket === null) {
        callback(error ?? new Error('connector returned no socket'), null);
        return;
      }
      const remote = socket.remoteAddress;
      if (remote === undefined || !isAllowedAddress(remote, hostname, allowList)) {
        socket.destroy();
        const reason = remote === undefined ? 'the connected address is unknown' : addressRefusalReason(remote);
        callback(destinationBlockedError(hostname, reason), null);
        return;
      }
      callback(null, socket);
    });
  };
}
