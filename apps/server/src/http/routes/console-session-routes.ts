import { endpoints } from '@switchboard/contracts';
import { isSwitchboardError, SwitchboardError, type ConsoleSessionService, type ConsoleSignIn, type CredentialVerifier, type Logger } from '@switchboard/core';
import type { Context, Hono } from 'hono';
import type { AuthGate, Client } from '../auth-gate.js';
import { clearedConsoleCookie, consoleCookie, markStaleConsoleCookie, readConsoleCookie } from '../console-cookie.js';
import { checkCsrf } from '../csrf.js';
import { on, respond } from '../route-table.js';
import { readJson } from '../validation.js';

export interface ConsoleSessionRouteOptions {
  readonly sessions: ConsoleSessionService;
  readonly verifier: CredentialVerifier;
  readonly isAdminKey: (presented: string) => boolean;
  readonly gate: AuthGate;
  readonly logger: Logger;
  readonly publicOrigin: () => string;
}

/** A sign-in body holds one key; nothing near this size is legitimate. */
const signInMaxBytes = 4096;

const routeOf = (spec: { method: string; path: string }) => `${spec.method.toUpperCase()} ${spec.path}`;

/**
 * Console sign-in (`sb_console` cookie): the admin key or an org key is exchanged once for a
 * server-side session, so the browser keeps neither the key nor anything derived from it in
 * storage script can read. The routes are public in the route table (they are how a browser gets a
 * credential) but share the Bearer routes' failure budget and refusal log.
 */
export function consoleSessionRoutes(app: Hono, options: ConsoleSessionRouteOptions): void {
  const { sessions, verifier, isAdminKey, gate, logger } = options;
  const secure = () => new URL(options.publicOrigin()).protocol === 'https:';
  const noStore = (c: Context) => c.header('cache-control', 'no-store');

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

  on(app, endpoints.createConsoleSession, async (c) => {
    const route = routeOf(endpoints.createConsoleSession);
    const client = gate.admit(c, route);
    // A page of another site cannot sign its visitor in under its own key (login CSRF): browsers
    // name the origin of every POST.
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== options.publicOrigin()) {
      logger.warn({ address: client.address, route, reason: 'csrf_rejected' }, 'console sign-in refused');
      throw new SwitchboardError('csrf_rejected', 'Sign in from the console on Switchboard’s own origin.');
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
    logger.info({ address: client.address, kind: who.kind, ...(who.kind === 'org' ? { org: who.orgId, keyId: who.keyId } : {}) }, 'console signed in');
    const maxAgeSeconds = (opened.session.expiresAt.getTime() - opened.session.createdAt.getTime()) / 1000;
    c.header('set-cookie', consoleCookie(opened.cookie, { secure: secure(), maxAgeSeconds }));
    noStore(c);
    return respond(c, endpoints.createConsoleSession, await sessions.view(opened.session));
  });

  on(app, endpoints.getConsoleSession, async (c) => {
    const route = routeOf(endpoints.getConsoleSession);
    const cookie = readConsoleCookie(c);
    // Asking whether one is signed in is no failed authentication: not logged, not counted.
    if (cookie === undefined) throw new SwitchboardError('unauthenticated', 'Not signed in to the console.');
    const client = gate.admit(c, route);
    const check = await sessions.verify(cookie);
    if (!check.ok) {
      markStaleConsoleCookie(c);
      return gate.fail(client, route, check.reason, 'Not signed in to the console (or the session has ended).');
    }
    noStore(c);
    return respond(c, endpoints.getConsoleSession, await sessions.view(check.session));
  });

  on(app, endpoints.deleteConsoleSession, async (c) => {
    const cookie = readConsoleCookie(c);
    if (cookie !== undefined) {
      // A cookie request like any other: another site must not sign the console out.
      checkCsrf(c, options.publicOrigin());
      await sessions.end(cookie);
    }
    noStore(c);
    c.header('set-cookie', clearedConsoleCookie({ secure: secure() }));
    return c.body(null, 204);
  });
}
