import type { CreateOrgInput, OrgView } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { SwitchboardError } from '../switchboard-error.js';
import { DEV_ORG_ID, type Org } from './org.js';

const toView = (org: Org): OrgView => ({ id: org.id, name: org.name, createdAt: org.createdAt.toISOString() });

/** Orgs: tenants whose admins authorize connectors. */
export function createOrgService(deps: CoreDeps) {
  const { store, clock } = deps;
  return {
    /** Make sure the builder's own org exists (at start). */
    async ensureDevOrg(): Promise<void> {
      await store.orgs.ensure({ id: DEV_ORG_ID, name: 'Development', createdAt: clock.now() });
    },
    async create(input: CreateOrgInput): Promise<OrgView> {
      if (await store.orgs.get(input.id)) throw new SwitchboardError('conflict', `Org '${input.id}' already exists.`, { details: { org: input.id } });
      const org: Org = { id: input.id, name: input.name, createdAt: clock.now() };
      await store.orgs.insert(org);
      return toView(org);
    },
    async list(): Promise<OrgView[]> {
      return (await store.orgs.list()).map(toView);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
