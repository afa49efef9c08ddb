import { timingSafeEqual } from 'node:crypto';
import type { CoreDeps } from '../core-deps.js';
import { sha256Base64Url } from '../security/random-token.js';
import type { OrgKey } from './org-key.js';
import type { SdkSession } from './sdk-session.js';
import { parseCredential } from './key-format.js';

/** Why a presented org key or session token was refused (logged; never the value itself). */
export type CredentialFailure = 'malformed' | 'unknown' | 'expired';

export type CredentialCheck =
  | { readonly ok: true; readonly kind: 'org_key'; readonly key: OrgKey }
  | { readonly ok: true; readonly kind: 'session'; readonly session: SdkSession }
  | {
      readonly ok: false;
      readonly reason: CredentialFailure;
      /** Set for an expired session whose secret matched: CORS may still let its origin read the 401. */
      readonly session?: SdkSession;
    };

/** lastUsedAt moves at most this often per key, so a busy key does not write on every request. */
const touchIntervalMs = 60_000;

// Compared against when the id is unknown, so that path does the same digest work.
const decoyDigest = Buffer.alloc(32);

/** Constant-time comparison of the presented secret's SHA-256 with the stored digest. */
function secretMatches(secret: string, storedHash: string | undefined): boolean {
  const presented = Buffer.from(sha256Base64Url(secret), 'base64url');
  const stored = storedHash === undefined ? decoyDigest : Buffer.from(storedHash, 'base64url');
  const equal = stored.length === presented.length && timingSafeEqual(presented, stored);
  return storedHash !== undefined && equal;
}

/**
 * Resolve an org key (`sbo_<id>.<secret>`) or session token (`sbs_<org>.<id>.<secret>`). The row
 * is found by its id, never by the secret, and the secret is compared as a digest in constant
 * time. A session token's org part is a claim for the SDK's benefit, checked only after the
 * secret: a token whose org is not its session's own is refused as `unknown`, exactly like a
 * wrong secret, so an edited token learns nothing about the session or the org.
 * Nothing is cached: a revoked key (and every session it minted) fails on the next request.
 */
export function createCredentialVerifier(deps: Pick<CoreDeps, 'store' | 'clock' | 'logger'>) {
  const { store, clock, logger } = deps;
  const lastTouch = new Map<string, number>();

  async function touch(key: OrgKey, now: Date): Promise<void> {
    const at = now.getTime();
    if (key.lastUsedAt !== null && at - key.lastUsedAt.getTime() < touchIntervalMs) return;
    if (at - (lastTouch.get(key.id) ?? -Infinity) < touchIntervalMs) return;
    if (lastTouch.size > 10_000) {
      for (const [id, when] of lastTouch) if (at - when >= touchIntervalMs) lastTouch.delete(id);
    }
    lastTouch.set(key.id, at);
    try {
      await store.orgKeys.touch(key.id, now);
    } catch (error) {
      // Bookkeeping only: never fail the request because lastUsedAt could not be written.
      logger.warn({ keyId: key.id, errorType: error instanceof Error ? error.name : 'unknown' }, 'could not record key use');
    }
  }

  return {
    async verify(token: string): Promise<CredentialCheck> {
      const parsed = parseCredential(token);
      if (!parsed) return { ok: false, reason: 'malformed' };
      const now = clock.now();
      if (parsed.kind === 'org_key') {
        const key = await store.orgKeys.get(parsed.id);
        if (!secretMatches(parsed.secret, key?.secretHash) || !key) return { ok: false, reason: 'unknown' };
        await touch(key, now);
        return { ok: true, kind: 'org_key', key };
      }
      const session = await store.sdkSessions.get(parsed.id);
      // The org is compared after the digest work, which every path does, and before expiry: an
      // expired session reached with another org's name must not hand its session to CORS.
      if (!secretMatches(parsed.secret, session?.secretHash) || !session || session.orgId !== parsed.org) return { ok: false, reason: 'unknown' };
      if (session.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', session };
      return { ok: true, kind: 'session', session };
    },
  };
}

export type CredentialVerifier = ReturnType<typeof createCredentialVerifier>;
