import { randomBytes } from 'node:crypto';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** What the page tells `window.opener` (the SDK's popup flow). Never a token. */
export interface CallbackMessage {
  readonly type: 'switchboard:authorization';
  readonly status: 'authorized' | 'failed';
  readonly org: string | null;
  readonly connector: string | null;
  readonly code?: string;
}

/**
 * The small page the OAuth redirect lands on. Provider-supplied text is escaped; the inline
 * script runs under a nonce-only CSP; the page is never cached and sends no referrer, because
 * its URL carried the authorization code (RFC 9700 §4.2.4).
 */
export function callbackPage(input: {
  status: number;
  title: string;
  message: string;
  post: CallbackMessage;
  /**
   * The only origin the message may reach (HTML §9.3.3 targetOrigin): the SDK session's origin
   * that started the flow, or Switchboard's own. Never `*`: another page that opened this one
   * must not learn which org authorized what.
   */
  targetOrigin: string;
}): Response {
  const nonce = randomBytes(16).toString('base64');
  // JSON in a script: escape `<` so no value can close the script element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const payload = json(input.post);
  const targetOrigin = json(input.targetOrigin);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · Switchboard</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f6f7f9; color: #1d2330; }
  main { background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); max-width: 28rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
</style>
</head>
<body>
<main>
  <h1>${escapeHtml(input.title)}</h1>
  <p>${escapeHtml(input.message)}</p>
</main>
<script nonce="${nonce}">
  // The message holds no secret; the SDK checks that it comes from Switchboard's origin.
  if (window.opener) { window.opener.postMessage(${payload}, ${targetOrigin}); }
</script>
</body>
</html>`;
  return new Response(html, {
    status: input.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    },
  });
}
