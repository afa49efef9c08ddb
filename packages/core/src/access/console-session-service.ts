import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsoleSessionView } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import { requireOrg } from '../orgs/require-org.js';
import type { StoreRepositories } from '../ports/store.js';
import { randomToken, sha256Base64Url } from '../security/random-token.js';
import type { ConsoleSession } from './console-session.js';

/** How long a console sign-in lasts: a working day, then the key is asked for again. */
export const consoleSessionTtlSeconds = 12 * 60 * 60;

/** `<16 hex id>.<43 base64url secret>`: the cookie value. */
const cookiePattern = /^([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

/** Why a console cookie was refused (logged; never the value itself). */
export type ConsoleSessionFailure = 'malformed' | 'unknown' | 'expired';

export type ConsoleSessionCheck = { readonly ok: true; readonly session: ConsoleSession } | { readonly ok: false; readonly reason: ConsoleSessionFailure };

/** Who signs in: the admin, or an org through one of its keys (already verified by the caller). */
export type ConsoleSignIn = { readonly kind: 'admin' } | { readonly kind: 'org'; readonly orgId: string; readonly keyId: string };

const fingerprintOf = (secret: string, adminKey: string): string => createHmac('sha256', secret).update(`switchboard console admin key\0${adminKey}`, 'utf8').digest('base64url');

// Compared against when the id is unknown, so that path does the same digest work.
const decoy = Buffer.alloc(32);

/** Constant-time comparison of two base64url SHA-256 digests (the stored one may be absent). */
function digestsMatch(presented: string, stored: string | undefined): boolean {
  const a = Buffer.from(presented, 'base64url');
  const b = stored === undefined ? decoy : Buffer.from(stored, 'base64url');
  return a.length === b.length && timingSafeEqual(a, b) && stored !== undefined;
}

type OrgConsoleSession = Extract<ConsoleSession, { kind: 'org' }>;

/**
 * Records an org session's start or end in its org's audit log, inside the transaction that
 * inserts or deletes the row. Ids only: the cookie's secret and the key never reach an event.
 * Admin sessions have no org, so they are only logged.
 */
async function appendConsoleEvent(deps: Pick<CoreDeps, 'clock'>, tx: StoreRepositories, type: 'console.signed_in' | 'console.signed_out', session: OrgConsoleSession, at: Date): Promise<void> {
  await tx.events.append(
    newEvent(deps, { orgId: session.orgId, type, connector: null, actor: { kind: 'org_key', keyId: session.keyId }, data: { consoleSessionId: session.id, keyId: session.keyId }, at }),
  );
}

/**
 * Console sign-in sessions: a key is exchanged once for a server-side session held in an
 * HttpOnly cookie, so the browser never keeps the key. `adminKey` is the server's current admin
 * key: admin sessions opened under another one are refused.
 */
export function createConsoleSessionService(deps: Pick<CoreDeps, 'store' | 'clock'>, options: { readonly adminKey: string; readonly ttlSeconds?: number }) {
  const { store, clock } = deps;
  const ttlMs = (options.ttlSeconds ?? consoleSessionTtlSeconds) * 1000;

  /** The verdict on a cookie, and the stored session whenever its secret matched (even if it has ended). */
  async function find(cookie: string): Promise<{ check: ConsoleSessionCheck; matched?: ConsoleSession }> {
    const parsed = cookiePattern.exec(cookie);
    if (!parsed) return { check: { ok: false, reason: 'malformed' } };
    const [, id, secret] = parsed as unknown as [string, string, string];
    const session = await store.consoleSessions.get(id);
    if (!digestsMatch(sha256Base64Url(secret), session?.secretHash) || !session) return { check: { ok: false, reason: 'unknown' } };
    if (session.expiresAt.getTime() <= clock.now().getTime()) return { check: { ok: false, reason: 'expired' }, matched: session };
    // The secret matched, so this is no guess: a session of a former admin key has ended.
    if (session.kind === 'admin' && !digestsMatch(fingerprintOf(secret, options.adminKey), session.adminFingerprint)) return { check: { ok: false, reason: 'expired' }, matched: session };
    return { check: { ok: true, session }, matched: session };
  }

  return {
    /** Opens a session; `cookie` (`<id>.<secret>`) is shown to the browser once, in Set-Cookie. */
    async create(who: ConsoleSignIn): Promise<{ cookie: string; session: ConsoleSession }> {
      const id = randomBytes(8).toString('hex');
      const secret = randomToken(32);
      const now = clock.now();
      const base = { id, secretHash: sha256Base64Url(secret), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now };
      const session: ConsoleSession =
        who.kind === 'admin' ? { ...base, kind: 'admin', adminFingerprint: fingerprintOf(secret, options.adminKey) } : { ...base, kind: 'org', orgId: who.orgId, keyId: who.keyId };
      await store.transaction(async (tx) => {
        await tx.consoleSessions.deleteExpired(now);
        await tx.consoleSessions.insert(session);
        if (session.kind === 'org') await appendConsoleEvent(deps, tx, 'console.signed_in', session, now);
      });
      return { cookie: `${id}.${secret}`, session };
    },

    /**
     * The session a cookie names: found by id, its secret compared as a digest in constant time,
     * unexpired, and (admin) opened under the current admin key. Nothing is cached: a revoked org
     * key or a sign-out ends it on the next request.
     */
    async verify(cookie: string): Promise<ConsoleSessionCheck> {
      return (await find(cookie)).check;
    },

    /**
     * Sign-out: deletes the session the cookie names, expired or not, when its secret matches
     * (idempotent). Returns the session when it was still live and this call ended it: then (an
     * org session) `console.signed_out` is recorded with the delete. An expired one is only
     * cleared away: it had already ended, with no event.
     */
    async end(cookie: string): Promise<ConsoleSession | undefined> {
      const { check, matched } = await find(cookie);
      if (!matched) return undefined;
      const live = check.ok;
      const now = clock.now();
      // Two sign-outs of one cookie at once: only the one whose delete found the row records it.
      const deleted = await store.transaction(async (tx) => {
        const gone = await tx.consoleSessions.delete(matched.id);
        if (gone && live && matched.kind === 'org') await appendConsoleEvent(deps, tx, 'console.signed_out', matched, now);
        return gone;
      });
      return deleted && live ? matched : undefined;
    },

    /** What the console shows about who is signed in. */
    async view(session: ConsoleSession): Promise<ConsoleSessionView> {
      const expiresAt = session.expiresAt.toISOString();
      if (session.kind === 'admin') return { kind: 'admin', expiresAt };
      const org = await requireOrg(store, session.orgId);
      return { kind: 'org', org: org.id, orgName: org.name, expiresAt };
    },
  };
}

export type ConsoleSessionService = ReturnType<typeof createConsoleSessionService>;
