import type { Actor } from '@switchboard/core';
import type { Context } from 'hono';

/** Who an authenticated request comes from; set by the authentication middleware. */
export type Principal =
  | { readonly kind: 'admin' }
  | { readonly kind: 'org_key'; readonly orgId: string; readonly keyId: string }
  | {
      readonly kind: 'session';
      readonly orgId: string;
      readonly keyId: string;
      readonly sessionId: string;
      /** The request's origin, already checked against the session's list. */
      readonly origin: string;
      /** Connector API names the session may use, or null for all of the org's. */
      readonly connectors: readonly string[] | null;
    };

const principalKey = 'switchboard.principal';

export function setPrincipal(c: Context, principal: Principal): void {
  c.set(principalKey as never, principal as never);
}

/** The request's principal; routes without authentication (health, callback) have none. */
export function principalOf(c: Context): Principal {
  const principal = c.get(principalKey as never) as Principal | undefined;
  if (principal === undefined) throw new Error('principalOf: the route is not behind the authentication middleware');
  return principal;
}

/** The principal as recorded in audit events: ids only. */
export function actorOf(c: Context): Actor {
  const principal = principalOf(c);
  switch (principal.kind) {
    case 'admin':
      return { kind: 'admin' };
    case 'org_key':
      return { kind: 'org_key', keyId: principal.keyId };
    case 'session':
      return { kind: 'session', keyId: principal.keyId, sessionId: principal.sessionId };
  }
}
