import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsoleSessionView } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { requireOrg } from '../orgs/require-org.js';
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

/**
 * Console sign-in sessions: a key is exchanged once for a server-side session held in an
 * HttpOnly cookie, so the browser never keeps the key. `adminKey` is the server's current admin
 * key: admin sessions opened under another one are refused.
 */
export function createConsoleSessionService(deps: Pick<CoreDeps, 'store' | 'clock'>, options: { readonly adminKey: string; readonly ttlSeconds?: number }) {
  const { store, clock } = deps;
  const ttlMs = (options.ttlSeconds ?? consoleSessionTtlSeconds) * 1000;

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
      });
      return { cookie: `${id}.${secret}`, session };
    },

    /**
     * The session a cookie names: found by id, its secret compared as a digest in constant time,
     * unexpired, and (admin) opened under the current admin key. Nothing is cached: a revoked org
     * key or a sign-out ends it on the next request.
     */
    async verify(cookie: string): Promise<ConsoleSessionCheck> {
      const parsed = cookiePattern.exec(cookie);
      if (!parsed) return { ok: false, reason: 'malformed' };
      const [, id, secret] = parsed as unknown as [string, string, string];
      const session = await store.consoleSessions.get(id);
      if (!digestsMatch(sha256Base64Url(secret), session?.secretHash) || !session) return { ok: false, reason: 'unknown' };
      if (session.expiresAt.getTime() <= clock.now().getTime()) return { ok: false, reason: 'expired' };
      // The secret matched, so this is no guess: a session of a former admin key has ended.
      if (session.kind === 'admin' && !digestsMatch(fingerprintOf(secret, options.adminKey), session.adminFingerprint)) return { ok: false, reason: 'expired' };
      return { ok: true, session };
    },

    /** Sign-out: deletes the session the cookie names, expired or not, when its secret matches (idempotent). */
    async end(cookie: string): Promise<void> {
      const parsed = cookiePattern.exec(cookie);
      if (!parsed) return;
      const [, id, secret] = parsed as unknown as [string, string, string];
      const session = await store.consoleSessions.get(id);
      if (session && digestsMatch(sha256Base64Url(secret), session.secretHash)) await store.consoleSessions.delete(session.id);
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
