import { SwitchboardError, type Logger } from '@switchboard/core';
import type { Context } from 'hono';
import { rateLimitKey, type AuthFailureLimiter } from './auth-rate-limit.js';
import { resolveClientAddress, type TrustedProxies } from './client-address.js';

/** Why authentication failed, as logged. Never the presented value. */
export type FailureReason = 'missing' | 'malformed' | 'unknown' | 'expired';

/** Where a request comes from, and the rate-limit budget its failures count against. */
export interface Client {
  readonly address: string;
  readonly budget: string;
}

/** A socket's peer as `clientOf` remembers it. */
interface Peer extends Client {
  /** A trusted proxy: `X-Forwarded-For` names the client, so it is read on every request. */
  readonly proxy: boolean;
}

const trustNobody: TrustedProxies = { trusts: () => false };

/**
 * The client's address: the socket's peer, or, when that peer is a trusted reverse proxy, what
 * `X-Forwarded-For` says behind it (see `resolveClientAddress`). Any client can send the header,
 * so it is read only from trusted peers.
 *
 * A keep-alive connection carries many requests from one peer, and neither its address nor
 * whether it is trusted changes while it is open: the peer is parsed once per socket (`peers`),
 * not once per request.
 */
function clientOf(c: Context, trusted: TrustedProxies, peers: WeakMap<object, Peer>): Client {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket;
  if (socket === undefined) {
    const address = resolveClientAddress(undefined, undefined, trusted);
    return { address, budget: rateLimitKey(address) };
  }
  let peer = peers.get(socket);
  if (peer === undefined) {
    const address = resolveClientAddress(socket.remoteAddress, undefined, trusted);
    peer = { address, budget: rateLimitKey(address), proxy: socket.remoteAddress !== undefined && trusted.trusts(address) };
    peers.set(socket, peer);
  }
  if (!peer.proxy) return peer;
  const address = resolveClientAddress(socket.remoteAddress, c.req.header('x-forwarded-for'), trusted);
  return { address, budget: rateLimitKey(address) };
}

export interface AuthGateOptions {
  readonly limiter: AuthFailureLimiter;
  readonly logger: Logger;
  /** Peers whose `X-Forwarded-For` is believed (SWITCHBOARD_TRUSTED_PROXIES); none when omitted. */
  readonly trustedProxies?: TrustedProxies;
}

/**
 * What every way of authenticating shares (Bearer keys and tokens, console sign-in and cookies):
 * one failed-authentication budget per client address, and one way to refuse — logged with the
 * address, the route and the reason, never the presented value.
 */
export interface AuthGate {
  /** The request's client; throws 429 `rate_limited` while its failure budget is spent. */
  admit(c: Context, route: string): Client;
  /** Logs and throws the 401; guesses (malformed or unknown values) count against the budget. */
  fail(client: Client, route: string, reason: FailureReason, message?: string): never;
  /**
   * Logs and throws the 401 for a console cookie, never counted. Its secret is 256 bits, so a
   * cookie naming no live session is no guess but a session that ended (signed out in another
   * tab, org key revoked) or one another app planted; each page load sends several requests, and
   * counting them spent the address's shared budget — the admin's Bearer key locked out with it.
   */
  refuseCookie(client: Client, route: string, reason: FailureReason | 'several_cookies', message: string): never;
}

export function createAuthGate(options: AuthGateOptions): AuthGate {
  const { limiter, logger } = options;
  const trustedProxies = options.trustedProxies ?? trustNobody;
  const peers = new WeakMap<object, Peer>();
  return {
    admit(c, route) {
      const client = clientOf(c, trustedProxies, peers);
      const retryAfter = limiter.retryAfterSeconds(client.budget);
      if (retryAfter > 0) {
        logger.warn({ address: client.address, route, reason: 'rate_limited' }, 'authentication refused: too many failures from this address');
        throw new SwitchboardError('rate_limited', `Too many failed authentications from this address; retry in ${retryAfter} s.`, { details: { retryAfter } });
      }
      return client;
    },
    fail(client, route, reason, message) {
      // Missing and expired credentials are no guesses: log them, but do not count them.
      if (reason === 'malformed' || reason === 'unknown') limiter.recordFailure(client.budget);
      logger.warn({ address: client.address, route, reason }, 'authentication failed');
      throw new SwitchboardError(
        'unauthenticated',
        message ?? (reason === 'expired' ? 'The session has expired; mint a new one.' : 'Send a valid key as `Authorization: Bearer <key>`.'),
      );
    },
    refuseCookie(client, route, reason, message) {
      logger.warn({ address: client.address, route, reason, credential: 'console_cookie' }, 'authentication failed');
      throw new SwitchboardError('unauthenticated', message);
    },
  };
}
