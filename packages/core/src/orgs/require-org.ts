import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Org } from './org.js';

/** The `not_found` error for an org id that names no org. */
export const orgNotFound = (orgId: string): SwitchboardError =>
  new SwitchboardError('not_found', `Org '${orgId}' does not exist.`, { details: { org: orgId } });

export async function requireOrg(store: Store, orgId: string): Promise<Org> {
  const org = await store.orgs.get(orgId);
  if (!org) throw orgNotFound(orgId);
  return org;
}
