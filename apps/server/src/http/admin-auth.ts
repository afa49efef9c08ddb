import { hash, timingSafeEqual } from 'node:crypto';
import { SwitchboardError } from '@switchboard/core';
import type { MiddlewareHandler } from 'hono';
import { setPrincipal } from './principal.js';

// One-shot `hash` (Node ≥ 20.12): same SHA-256 as createHash().update().digest(), without the
// Hash object, on every admin request.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

/**
 * Require `Authorization: Bearer <admin key>`. Both sides are hashed first so the comparison is
 * constant-time whatever the presented length (timingSafeEqual needs equal lengths).
 */
export function adminAuth(adminKey: string): MiddlewareHandler {
  const expected = digest(adminKey);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="switchboard"');
      throw new SwitchboardError('unauthenticated', 'Send the admin key as `Authorization: Bearer <key>`.');
    }
    setPrincipal(c, { kind: 'admin' });
    await next();
  };
}
