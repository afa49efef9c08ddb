import type { OrgKeyCreated, OrgKeyView } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { newEvent } from '../events/new-event.js';
import { requireOrg } from '../orgs/require-org.js';
import { sha256Base64Url } from '../security/random-token.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Actor } from './actor.js';
import { isCredentialId, newCredential } from './key-format.js';
import type { OrgKey } from './org-key.js';

const toView = (key: OrgKey): OrgKeyView => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

const keyNotFound = (orgId: string, keyId: string) =>
  new SwitchboardError('not_found', `Org '${orgId}' has no key '${keyId.slice(0, 40)}'.`, { details: { org: orgId, key: keyId.slice(0, 40) } });

/** Org keys: shown once at creation, stored as the SHA-256 of their secret, revoked at once. */
export function createOrgKeyService(deps: Pick<CoreDeps, 'store' | 'clock'>) {
  const { store, clock } = deps;
  return {
    async create(input: { orgId: string; name: string; actor: Actor }): Promise<OrgKeyCreated> {
      await requireOrg(store, input.orgId);
      const credential = newCredential('org_key');
      const now = clock.now();
      const key: OrgKey = {
        id: credential.id,
        orgId: input.orgId,
        name: input.name,
        prefix: credential.prefix,
        secretHash: sha256Base64Url(credential.secret),
        createdAt: now,
        lastUsedAt: null,
      };
      await store.transaction(async (tx) => {
        await tx.orgKeys.insert(key);
        await tx.events.append(newEvent(deps, { orgId: input.orgId, type: 'key.created', connector: null, actor: input.actor, data: { keyId: key.id, name: key.name }, at: now }));
      });
      return { id: key.id, key: credential.token, name: key.name, prefix: key.prefix, createdAt: now.toISOString() };
    },

    async list(orgId: string): Promise<OrgKeyView[]> {
      await requireOrg(store, orgId);
      return (await store.orgKeys.listByOrg(orgId)).map(toView);
    },

    /** Deletes the key and the sessions it minted; the next request with either fails. */
    async revoke(input: { orgId: string; keyId: string; actor: Actor }): Promise<void> {
      await requireOrg(store, input.orgId);
      if (!isCredentialId(input.keyId)) throw keyNotFound(input.orgId, input.keyId);
      await store.transaction(async (tx) => {
        if (!(await tx.orgKeys.delete(input.orgId, input.keyId))) throw keyNotFound(input.orgId, input.keyId);
        await tx.events.append(newEvent(deps, { orgId: input.orgId, type: 'key.revoked', connector: null, actor: input.actor, data: { keyId: input.keyId } }));
      });
    },
  };
}

export type OrgKeyService = ReturnType<typeof createOrgKeyService>;
