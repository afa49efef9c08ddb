import { csrfHeaderName } from '@switchboard/contracts';
import { SwitchboardError } from '@switchboard/core';
import type { Context } from 'hono';

/** Methods that may change state (RFC 9110 §9.2.1 safe methods are the others). */
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery defence for cookie-authenticated requests (the console): an unsafe
 * method must carry `X-Switchboard-CSRF: 1` — a custom header, which a page of another origin can
 * only send after a CORS preflight that Switchboard never grants to cookie requests — and, when
 * the browser names the request's `Origin` (Fetch standard §3.1), it must be Switchboard's own.
 * The SameSite=Strict cookie is the first line; this one holds where SameSite does not (older
 * browsers, same-site sibling subdomains). Bearer-authenticated requests carry no ambient
 * credential and are not checked.
 */
export function checkCsrf(c: Context, publicOrigin: string): void {
  if (!unsafeMethods.has(c.req.method)) return;
  if (c.req.header(csrfHeaderName) !== '1') {
    throw new SwitchboardError('csrf_rejected', `Console requests that change something must carry the header \`${csrfHeaderName}: 1\`.`);
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== publicOrigin) {
    throw new SwitchboardError('csrf_rejected', 'This console request comes from another origin than Switchboard’s own.');
  }
}
