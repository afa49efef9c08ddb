import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Org } from './org.js';

export async function requireOrg(store: Store, orgId: string): Promise<Org> {
  const org = await store.orgs.get(orgId);
  if (!org) throw new SwitchboardError('not_found', `Org '${orgId}' does not exist.`, { details: { org: orgId } });
  return org;
}
