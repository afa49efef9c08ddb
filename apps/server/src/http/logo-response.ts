import type { Logo } from '@switchboard/core';

/**
 * Served with every logo. `nosniff` keeps the declared type; the CSP with `sandbox` makes an SVG
 * opened directly (not as an <img>) an inert document: no script, no same-origin access, no
 * loads.
 */
const logoHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'content-disposition': 'inline; filename="logo"',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/**
 * A logo's bytes with the defensive headers. `cacheControl`: a published version's logo never
 * changes (immutable); the logo an org shows does, with an upgrade or a new publish.
 */
export function logoResponse(logo: Logo, cacheControl: string): Response {
  return new Response(new Uint8Array(logo.bytes), {
    status: 200,
    headers: { 'content-type': logo.contentType, 'content-length': String(logo.bytes.byteLength), 'cache-control': cacheControl, ...logoHeaders },
  });
}
