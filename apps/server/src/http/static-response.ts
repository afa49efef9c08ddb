import type { StaticFile } from './static-file.js';
import { pageSecurityHeaders } from './page-security-headers.js';

/**
 * A static file as a response: its type by extension, `nosniff` so browsers keep to it, and an
 * HTML page's security headers (CSP, no framing, no referrer). `headers` adds caching and the like.
 */
export function staticResponse(file: StaticFile, headers: Readonly<Record<string, string>>, status = 200): Response {
  const isHtml = file.contentType.startsWith('text/html');
  return new Response(file.body, {
    status,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.body.byteLength),
      'x-content-type-options': 'nosniff',
      ...(isHtml ? pageSecurityHeaders : {}),
      ...headers,
    },
  });
}
