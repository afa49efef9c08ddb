import { defaultSessionTtlSeconds, type CreateSessionInput, type SessionCreated } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import { sha256Base64Url } from '../security/random-token.js';
import type { Actor } from './actor.js';
import { newCredential } from './key-format.js';
import type { SdkSession } from './sdk-session.js';

/** SDK sessions: short-lived tokens a backend mints with its org key for a browser widget. */
export function createSessionService(deps: Pick<CoreDeps, 'store' | 'clock'>) {
  const { store, clock } = deps;
  return {
    /** The caller is an org key of `orgId` (checked by the HTTP edge); the session dies with that key. */
    async create(input: CreateSessionInput & { orgId: string; keyId: string; actor: Actor }): Promise<SessionCreated> {
      const credential = newCredential('session', input.orgId);
      const now = clock.now();
      const ttlSeconds = input.ttlSeconds ?? defaultSessionTtlSeconds;
      const session: SdkSession = {
        id: credential.id,
        orgId: input.orgId,
        keyId: input.keyId,
        secretHash: sha256Base64Url(credential.secret),
        allowedOrigins: [...new Set(input.allowedOrigins)],
        connectors: input.connectors ? [...new Set(input.connectors)] : null,
        expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
        createdAt: now,
      };
      await store.transaction(async (tx) => {
        await tx.sdkSessions.deleteExpired(now);
        await tx.sdkSessions.insert(session);
        await tx.events.append(
          newEvent(deps, {
            orgId: input.orgId,
            type: 'session.created',
            connector: null,
            actor: input.actor,
            data: { sessionId: session.id, allowedOrigins: [...session.allowedOrigins], connectors: session.connectors ? [...session.connectors] : null, expiresAt: session.expiresAt.toISOString() },
            at: now,
          }),
        );
      });
      return { token: credential.token, expiresAt: session.expiresAt.toISOString() };
    },

    /** Origins listed by the org's unexpired sessions: what CORS preflights may be answered for. */
    async allowedOrigins(orgId: string): Promise<string[]> {
      return store.sdkSessions.allowedOriginsForOrg(orgId, clock.now());
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
