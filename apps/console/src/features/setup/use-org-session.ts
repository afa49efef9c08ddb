import { useSignedIn } from '../../auth/session-context.js';

/** The subscriber admin's org (setup pages sit under `RequireKind kind="org"`). */
export function useOrgSession(): { org: string; orgName: string } {
  const session = useSignedIn();
  if (session.kind !== 'org') throw new Error('Setup pages need an org session');
  return { org: session.org, orgName: session.orgName ?? session.org };
}
