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
  if (origin !== undefined && origin !== publicOrigin) throw foreignOrigin(origin, publicOrigin);
}

/**
 * The 403 for a console request (or sign-in) from another origin than the public one. It names
 * the expected origin: the usual cause is no attack but a console reached through another address
 * than `SWITCHBOARD_PUBLIC_URL` (a proxy, `localhost` for `127.0.0.1`), and the fix is to say so.
 */
export function foreignOrigin(origin: string, publicOrigin: string): SwitchboardError {
  return new SwitchboardError(
    'csrf_rejected',
    `This request comes from the origin ${origin.slice(0, 200)}, not from Switchboard’s public origin ${publicOrigin}. ` +
      'If you reach Switchboard through another address, set SWITCHBOARD_PUBLIC_URL (the public URL) to that address and restart.',
    { details: { expectedOrigin: publicOrigin } },
  );
}
