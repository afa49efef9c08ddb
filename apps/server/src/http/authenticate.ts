import type { EndpointSpec } from '@switchboard/contracts';
import { orgNotFound, SwitchboardError, type ConsoleSessionService, type CredentialVerifier, type Logger, type SdkSession } from '@switchboard/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AuthGate, Client } from './auth-gate.js';
import { removeConsoleCookieWithRefusal, severalConsoleCookiesMessage, type ConsoleCookies } from './console-cookie.js';
import { setCorsOrigin } from './cors.js';
import { checkCsrf } from './csrf.js';
import { principalOf, setPrincipal, type Principal } from './principal.js';

const bearer = /^Bearer[ ]+(\S+)\s*$/i;

export interface RouteGuardOptions {
  /** Whether a presented value is the admin key (see `createAdminKeyMatcher`). */
  readonly isAdminKey: (presented: string) => boolean;
  readonly verifier: CredentialVerifier;
  /** Console sign-in sessions: the console cookie, used when there is no Authorization header. */
  readonly consoleSessions: Pick<ConsoleSessionService, 'verify'>;
  /** The console cookie's name and attributes (`__Host-sb_console` over https). */
  readonly consoleCookies: ConsoleCookies;
  /** The failure budget per client address and the logged refusal (shared with console sign-in). */
  readonly gate: AuthGate;
  readonly logger: Logger;
  /** The server's own public origin (`Sec-Fetch-Site: same-origin` requests without `Origin`; the console's CSRF check). */
  readonly publicOrigin: () => string;
}

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
 * Bearer authentication (RFC 6750 §2.1) for the admin key, org keys and SDK session tokens, and,
 * for a request without an Authorization header, the console's session cookie. The admin key is
 * compared as a digest in constant time whatever the presented length; org keys, sessions and
 * console sessions are found by id and their secret digests compared in constant time. Failures
 * are rate-limited per client address and logged with the reason, never the value.
 */
export function createRouteGuard(options: RouteGuardOptions): RouteGuard {
  const { verifier, gate, logger, isAdminKey } = options;
  const routeOf = (spec: EndpointSpec): string => `${spec.method.toUpperCase()} ${spec.path}`;

  /**
   * The console: a cookie session acts exactly as what it was opened with — the admin key, or its
   * org key (so every route that key may use, and nothing more). Never CORS: the console is served
   * from Switchboard's own origin. Unsafe methods must pass the CSRF check. Refusals are not
   * counted against the failure budget (see `AuthGate.refuseCookie`).
   */
  const cookieAuth = async (c: Context, client: Client, route: string, cookie: string): Promise<void> => {
    const check = await options.consoleSessions.verify(cookie);
    if (!check.ok) {
      removeConsoleCookieWithRefusal(c, options.consoleCookies.expire());
      return gate.refuseCookie(client, route, check.reason, 'Sign in to the console again (`POST /v1/console/session`), or send `Authorization: Bearer <key>`.');
    }
    try {
      checkCsrf(c, options.publicOrigin());
    } catch (error) {
      logger.warn({ address: client.address, route, reason: 'csrf_rejected', consoleSessionId: check.session.id }, 'console request refused');
      throw error;
    }
    const { session } = check;
    setPrincipal(c, session.kind === 'admin' ? { kind: 'admin' } : { kind: 'org_key', orgId: session.orgId, keyId: session.keyId });
  };

  return async (c, spec) => {
    if (spec.auth === 'none') return;
    const route = routeOf(spec);
    const client = gate.admit(c, route);

    const header = c.req.header('authorization');
    if (header === undefined) {
      const cookie = options.consoleCookies.read(c);
      if (cookie.kind === 'one') return cookieAuth(c, client, route, cookie.value);
      if (cookie.kind === 'several') {
        removeConsoleCookieWithRefusal(c, options.consoleCookies.expire({ planted: true }));
        return gate.refuseCookie(client, route, 'several_cookies', severalConsoleCookiesMessage);
      }
    }
    const token = header === undefined ? undefined : bearer.exec(header)?.[1];
    // The admin comparison runs for every presented value, so its timing says nothing about the kind.
    if (token !== undefined && isAdminKey(token)) {
      setPrincipal(c, { kind: 'admin' });
      return;
    }
    if (token === undefined) return gate.fail(client, route, header === undefined || header.trim() === '' ? 'missing' : 'malformed');

    const check = await verifier.verify(token);
    if (!check.ok) {
      // An expired session from one of its origins may still read the 401 (so the SDK can renew).
      const origin = check.session ? listedOrigin(c, check.session, options.publicOrigin()) : undefined;
      if (origin !== undefined && spec.auth === 'connector') setCorsOrigin(c, origin);
      return gate.fail(client, route, check.reason);
    }
    if (check.kind === 'org_key') {
      setPrincipal(c, { kind: 'org_key', orgId: check.key.orgId, keyId: check.key.id });
      return;
    }
    const origin = listedOrigin(c, check.session, options.publicOrigin());
    if (origin === undefined) {
      logger.warn({ address: client.address, route, reason: 'origin_not_allowed', sessionId: check.session.id }, 'session refused');
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
