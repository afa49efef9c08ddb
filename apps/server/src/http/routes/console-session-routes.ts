import { endpoints } from '@switchboard/contracts';
import { isSwitchboardError, SwitchboardError, type ConsoleSessionService, type ConsoleSignIn, type CredentialVerifier, type Logger } from '@switchboard/core';
import type { Context, Hono } from 'hono';
import type { AuthGate, Client } from '../auth-gate.js';
import { removeConsoleCookieWithRefusal, severalConsoleCookiesMessage, type ConsoleCookies, type ConsoleCookieRead } from '../console-cookie.js';
import { checkCsrf, foreignOrigin } from '../csrf.js';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

export interface ConsoleSessionRouteOptions {
  readonly sessions: ConsoleSessionService;
  readonly verifier: CredentialVerifier;
  readonly isAdminKey: (presented: string) => boolean;
  readonly gate: AuthGate;
  readonly logger: Logger;
  readonly publicOrigin: () => string;
  readonly cookies: ConsoleCookies;
}

/** A sign-in body holds one key; nothing near this size is legitimate. */
const signInMaxBytes = 4096;

const routeOf = (spec: { method: string; path: string }) => `${spec.method.toUpperCase()} ${spec.path}`;

/** Every console cookie value a request carries (none, one, or several planted ones). */
const valuesOf = (read: ConsoleCookieRead): readonly string[] => (read.kind === 'none' ? [] : read.kind === 'one' ? [read.value] : read.values);

/**
 * Console sign-in (the `sb_console` cookie, `__Host-sb_console` over https): the admin key or an
 * org key is exchanged once for a server-side session, so the browser keeps neither the key nor
 * anything derived from it in storage script can read. The routes are public in the route table
 * (they are how a browser gets a credential); a wrong key counts against the Bearer routes'
 * failure budget, a refused cookie does not (see `AuthGate.refuseCookie`).
 */
export function consoleSessionRoutes(app: Hono, options: ConsoleSessionRouteOptions): void {
  const { sessions, verifier, isAdminKey, gate, logger, cookies } = options;
  const noStore = (c: Context) => c.header('cache-control', 'no-store');
  const setCookies = (c: Context, values: readonly string[]) => {
    for (const value of values) c.header('set-cookie', value, { append: true });
  };

  /** The admin key, or a key of an org; anything else (SDK session tokens included) is refused as a guess. */
  const whoHolds = async (client: Client, route: string, key: string): Promise<ConsoleSignIn> => {
    // The admin comparison runs for every presented value, so its timing says nothing about the kind.
    if (isAdminKey(key)) return { kind: 'admin' };
    const message = 'Sign in with the admin key (sbk_…) or a key of your org (sbo_…).';
    if (!key.startsWith('sbo_')) return gate.fail(client, route, 'malformed', message);
    const check = await verifier.verify(key);
    if (!check.ok) return gate.fail(client, route, check.reason, message);
    if (check.kind !== 'org_key') return gate.fail(client, route, 'malformed', message);
    return { kind: 'org', orgId: check.key.orgId, keyId: check.key.id };
  };

  /**
   * Deletes the sessions the request's cookies name (each only when its secret matches, so a
   * planted cookie ends at most its planter's own session); the ids of the live ones, for the log.
   * Each live org session ended records its own `console.signed_out` (see `sessions.end`).
   */
  const endAll = async (values: readonly string[]): Promise<string[]> => {
    const ended: string[] = [];
    for (const value of values) {
      const session = await sessions.end(value);
      if (session) ended.push(session.id);
    }
    return ended;
  };

  on(app, endpoints.createConsoleSession, async (c) => {
    const route = routeOf(endpoints.createConsoleSession);
    const client = gate.admit(c, route);
    // A page of another site cannot sign its visitor in under its own key (login CSRF): browsers
    // name the origin of every POST.
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== options.publicOrigin()) {
      logger.warn({ address: client.address, route, reason: 'csrf_rejected' }, 'console sign-in refused');
      throw foreignOrigin(origin, options.publicOrigin());
    }
    const body = await readJson(c, endpoints.createConsoleSession.body, signInMaxBytes);
    const who = await whoHolds(client, route, body.key);
    let opened;
    try {
      opened = await sessions.create(who);
    } catch (error) {
      // The org key was revoked between its check and the insert (the foreign key refused it).
      if (isSwitchboardError(error) && error.code === 'not_found' && who.kind === 'org') return gate.fail(client, route, 'unknown');
      throw error;
    }
    // Signing in again replaces the session the browser held: it is deleted, not left to run
    // its 12 hours unseen. Only after the new one is open, so a failed sign-in signs no one out.
    const previous = cookies.read(c);
    const replaced = await endAll(valuesOf(previous));
    logger.info(
      {
        address: client.address,
        kind: who.kind,
        ...(who.kind === 'org' ? { org: who.orgId, keyId: who.keyId } : {}),
        consoleSessionId: opened.session.id,
        ...(replaced.length > 0 ? { replacedConsoleSessionIds: replaced } : {}),
      },
      'console signed in',
    );
    const maxAgeSeconds = (opened.session.expiresAt.getTime() - opened.session.createdAt.getTime()) / 1000;
    // With several cookies, the planted one's likeliest path goes too (ours is replaced at Path=/).
    setCookies(c, [...(previous.kind === 'several' ? cookies.expire({ planted: true }).slice(1) : []), cookies.issue(opened.cookie, maxAgeSeconds)]);
    noStore(c);
    return respond(c, endpoints.createConsoleSession, await sessions.view(opened.session));
  });

  on(app, endpoints.getConsoleSession, async (c) => {
    const route = routeOf(endpoints.getConsoleSession);
    const cookie = cookies.read(c);
    // Asking whether one is signed in is no failed authentication: not logged, not counted.
    if (cookie.kind === 'none') throw new SwitchboardError('unauthenticated', 'Not signed in to the console.');
    const client = gate.admit(c, route);
    if (cookie.kind === 'several') {
      removeConsoleCookieWithRefusal(c, cookies.expire({ planted: true }));
      return gate.refuseCookie(client, route, 'several_cookies', severalConsoleCookiesMessage);
    }
    const check = await sessions.verify(cookie.value);
    if (!check.ok) {
      removeConsoleCookieWithRefusal(c, cookies.expire());
      return gate.refuseCookie(client, route, check.reason, 'Not signed in to the console (or the session has ended).');
    }
    noStore(c);
    return respond(c, endpoints.getConsoleSession, await sessions.view(check.session));
  });

  on(app, endpoints.deleteConsoleSession, async (c) => {
    const cookie = cookies.read(c);
    if (cookie.kind !== 'none') {
      // A cookie request like any other: another site must not sign the console out.
      checkCsrf(c, options.publicOrigin());
      for (const consoleSessionId of await endAll(valuesOf(cookie))) logger.info({ consoleSessionId }, 'console signed out');
    }
    noStore(c);
    setCookies(c, cookies.expire({ planted: cookie.kind === 'several' }));
    return c.body(null, 204);
  });
}
