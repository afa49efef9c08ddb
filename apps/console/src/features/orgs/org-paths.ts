/** The builder's own org: it uses every draft connector and takes no installations. */
export const DEV_ORG = 'dev';

/** The console path of an org's page. */
export function orgPath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}`;
}

/** The events page showing the org's audit events (it keeps the org in `?org=`; `dev` is its default). */
export function orgEventsPath(org: string): string {
  return org === DEV_ORG ? '/events' : `/events?org=${encodeURIComponent(org)}`;
}
