/**
 * `sbs_<org>.<id>.<secret>`. The org is Switchboard's org id pattern (`^[a-z0-9][a-z0-9_-]{1,62}$`,
 * never a `.`); the id and secret are only checked to be present here: Switchboard judges them.
 */
const sessionTokenPattern = /^sbs_([a-z0-9][a-z0-9_-]{1,62})\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The org an SDK session token names, or undefined when the text is not a session token (an org
 * or admin key, a token of the older org-less `sbs_<id>.<secret>` shape, anything else).
 *
 * Session tokens carry their org so that `init` needs nothing else to build the `/v1/orgs/{org}/…`
 * paths. The org part is not secret, and Switchboard does not take its word for it: a token whose
 * org is not its session's own is refused as unauthenticated.
 */
export function sessionTokenOrg(token: string): string | undefined {
  return sessionTokenPattern.exec(token)?.[1];
}
