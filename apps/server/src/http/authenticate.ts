import { hash, timingSafeEqual } from 'node:crypto';
import type { EndpointSpec } from '@switchboard/contracts';
import { orgNotFound, SwitchboardError, type CredentialVerifier, type Logger, type SdkSession } from '@switchboard/core';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimitKey, type AuthFailureLimiter } from './auth-rate-limit.js';
import { resolveClientAddress, type TrustedProxies } from './client-address.js';
import { setCorsOrigin } from './cors.js';
import { principalOf, setPrincipal, type Principal } from './principal.js';

// One-shot `hash` (Node ≥ 20.12): SHA-256 without a Hash object, on every request.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

const bearer = /^Bearer[ ]+(\S+)\s*$/i;

/** Why authentication failed, as logged. Never the presented value. */
type FailureReason = 'missing' | 'malformed' | 'unknown' | 'expired';

export interface RouteGuardOptions {
  readonly adminKey: string;
  readonly verifier: CredentialVerifier;
  readonly limiter: AuthFailureLimiter;
  readonly logger: Logger;
  /** The server's own public origin (`Sec-Fetch-Site: same-origin` requests without `Origin`). */
  readonly publicOrigin: () => string;
  /** Peers whose `X-Forwarded-For` is believed (SWITCHBOARD_TRUSTED_PROXIES); none when omitted. */
  readonly trustedProxies?: TrustedProxies;
}

const trustNobody: TrustedProxies = { trusts: () => false };

/** Authenticates the request for one endpoint: sets the principal, or throws 401/403/429. */
export type RouteGuard = (c: Context, spec: EndpointSpec) => Promise<void>;

const guardKey = 'switchboard.routeGuard';

/** Make the guard reachable from every route handler (read by `on()` through `authenticateRoute`). */
export function provideRouteGuard(guard: RouteGuard): MiddlewareHandler {
  return async (c, next) => {
    c.set(guardKey as never, guard as never);
    await next();
  };
}

/** Where a request comes from, and the rate-limit budget its failures count against. */
interface Client {
  readonly address: string;
  readonly budget: string;
}

/** A socket's peer as `clientOf` remembers it. */
interface Peer extends Client {
  /** A trusted proxy: `X-Forwarded-For` names the client, so it is read on every request. */
  readonly proxy: boolean;
}

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

/**
 * The origin a session request comes from: the `Origin` header, or the server's own origin when
 * the browser says the request is same-origin (browsers omit `Origin` on same-origin GETs).
 * Both are browser guarantees only: page scripts cannot set `Origin` or `Sec-*` (forbidden
 * request headers, Fetch standard §2.2.2), and browsers serialize origins lowercase without
 * default port or trailing slash (HTML §7.5; `null` for opaque origins, which no session can
 * list). A non-browser client holding the token can send any value: the origin list keeps a
 * token from working in other sites' pages, it does not make a leaked token useless.
 */
function requestOrigin(c: Context, publicOrigin: string): string | undefined {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin;
  return c.req.header('sec-fetch-site') === 'same-origin' ? publicOrigin : undefined;
}

/**
 * Bearer authentication (RFC 6750 §2.1) for the admin key, org keys and SDK session tokens.
 * The admin key is compared as a digest in constant time whatever the presented length; org
 * keys and sessions are found by id and their secret digests compared in constant time.
 * Failures are rate-limited per client address and logged with the reason, never the value.
 */
export function createRouteGuard(options: RouteGuardOptions): RouteGuard {
  const { verifier, limiter, logger } = options;
  const trustedProxies = options.trustedProxies ?? trustNobody;
  const adminDigest = digest(options.adminKey);

  const peers = new WeakMap<object, Peer>();

  /** Logs and throws the 401; guesses (malformed or unknown values) count against the budget. */
  const fail = (client: Client, route: string, reason: FailureReason): never => {
    // Missing and expired credentials are no guesses: log them, but do not count them.
    if (reason === 'malformed' || reason === 'unknown') limiter.recordFailure(client.budget);
    logger.warn({ address: client.address, route, reason }, 'authentication failed');
    throw new SwitchboardError(
      'unauthenticated',
      reason === 'expired' ? 'The session has expired; mint a new one.' : 'Send a valid key as `Authorization: Bearer <key>`.',
    );
  };
  const routeOf = (spec: EndpointSpec): string => `${spec.method.toUpperCase()} ${spec.path}`;

  return async (c, spec) => {
    if (spec.auth === 'none') return;
    const client = clientOf(c, trustedProxies, peers);
    const { address } = client;

    const retryAfter = limiter.retryAfterSeconds(client.budget);
    if (retryAfter > 0) {
      logger.warn({ address, route: routeOf(spec), reason: 'rate_limited' }, 'authentication refused: too many failures from this address');
      throw new SwitchboardError('rate_limited', `Too many failed authentications from this address; retry in ${retryAfter} s.`, { details: { retryAfter } });
    }

    const header = c.req.header('authorization');
    const token = header === undefined ? undefined : bearer.exec(header)?.[1];
    // The admin comparison runs for every presented value, so its timing says nothing about the kind.
    if (token !== undefined && timingSafeEqual(digest(token), adminDigest)) {
      setPrincipal(c, { kind: 'admin' });
      return;
    }
    if (token === undefined) return fail(client, routeOf(spec), header === undefined || header.trim() === '' ? 'missing' : 'malformed');

    const check = await verifier.verify(token);
    if (!check.ok) {
      // An expired session from one of its origins may still read the 401 (so the SDK can renew).
      const origin = check.session ? listedOrigin(c, check.session, options.publicOrigin()) : undefined;
      if (origin !== undefined && spec.auth === 'connector') setCorsOrigin(c, origin);
      return fail(client, routeOf(spec), check.reason);
    }
    if (check.kind === 'org_key') {
      setPrincipal(c, { kind: 'org_key', orgId: check.key.orgId, keyId: check.key.id });
      return;
    }
    const origin = listedOrigin(c, check.session, options.publicOrigin());
    if (origin === undefined) {
      logger.warn({ address, route: routeOf(spec), reason: 'origin_not_allowed', sessionId: check.session.id }, 'session refused');
      throw new SwitchboardError('origin_not_allowed', 'This session token is not valid from this origin.');
    }
    // CORS only on connector routes: the only ones a session may use.
    if (spec.auth === 'connector') setCorsOrigin(c, origin);
    setPrincipal(c, {
      kind: 'session',
      orgId: check.session.orgId,
      keyId: check.session.keyId,
      sessionId: check.session.id,
      origin,
      connectors: check.session.connectors,
    });
  };

}

/** The request's origin when the session lists it (exact comparison of serialized origins). */
function listedOrigin(c: Context, session: SdkSession, publicOrigin: string): string | undefined {
  const origin = requestOrigin(c, publicOrigin);
  return origin !== undefined && session.allowedOrigins.includes(origin) ? origin : undefined;
}

/** Step 1 of every route (`on()`): who is calling. Fails closed when no guard was provided. */
export async function authenticateRoute(c: Context, spec: EndpointSpec): Promise<void> {
  if (spec.auth === 'none') return;
  const guard = c.get(guardKey as never) as RouteGuard | undefined;
  if (!guard) throw new Error('authenticateRoute: no route guard on this app');
  await guard(c, spec);
}

/** The connector a connector route names: `{connector}`, or the first half of `{connector}.{api}`. */
function connectorParam(c: Context): string | undefined {
  const connector = c.req.param('connector');
  if (connector !== undefined) return connector;
  const target = c.req.param('target');
  return target === undefined ? undefined : target.slice(0, Math.max(0, target.indexOf('.')));
}

/**
 * Step 2 (after the path parameters were checked): may this principal use this endpoint? Another
 * org's key or session gets exactly the answer of a nonexistent org, so nothing about other
 * orgs can be learned; a route it can never use gets 403.
 */
export function authorizeRoute(c: Context, spec: EndpointSpec): void {
  if (spec.auth === 'none') return;
  const principal: Principal = principalOf(c);
  if (principal.kind === 'admin') return;
  if (spec.auth === 'admin') throw new SwitchboardError('forbidden', 'This route needs the admin key.');
  const org = c.req.param('org');
  if (org === undefined) throw new SwitchboardError('forbidden', 'This route needs the admin key.');
  if (principal.orgId !== org) throw orgNotFound(org);
  if (principal.kind === 'org_key') return;
  if (spec.auth !== 'connector') throw new SwitchboardError('forbidden', 'Session tokens are accepted only on connector routes (authorize, status, revoke, invoke).');
  const connector = connectorParam(c);
  if (principal.connectors !== null && (connector === undefined || !principal.connectors.includes(connector))) {
    // The same answer for every unlisted name, installed or not: nothing about the org is revealed.
    throw new SwitchboardError('forbidden', 'This session does not cover this connector.', { details: { connector: connector ?? null } });
  }
}

/** Where the OAuth callback page may post its message: the session's origin, else Switchboard's own. */
export function openerOriginOf(c: Context, publicOrigin: string): string {
  const principal = principalOf(c);
  return principal.kind === 'session' ? principal.origin : publicOrigin;
}
