/**
 * Content-Security-Policy of the pages Switchboard serves (the console, the widgets): scripts and
 * connections only from Switchboard's own origin, no inline script, no framing, no `<base>`.
 * `style-src 'unsafe-inline'`: CodeMirror injects its styles at run time. `img-src data: blob:`:
 * logo previews before upload and logos fetched with a token.
 */
export const pageContentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Headers of every HTML page Switchboard serves. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': pageContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
});
