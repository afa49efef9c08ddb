import { escapeHtml } from './escape-html.js';

/**
 * Wraps trusted, already-escaped body HTML in the demo's page chrome.
 * Self-contained (no external fonts or scripts) so the pages work offline and without JS.
 */
export function renderPage(title: string, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Acme CRM</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:40px 16px;color:#1d2330}
main{max-width:380px;margin:0 auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15);padding:24px 28px}
h1{font-size:1.3em;margin:0 0 4px}.brand{color:#c2410c;font-weight:700;letter-spacing:.02em;margin:0 0 16px}
label{display:block;margin:12px 0 4px;font-size:.9em}input{width:100%;box-sizing:border-box;padding:8px;font-size:1em}
button{margin-top:16px;padding:9px 14px;font-size:1em;border:0;border-radius:4px;cursor:pointer;background:#2563eb;color:#fff}
button.secondary{background:#e5e7eb;color:#1d2330}.error{color:#b91c1c}.hint{color:#6b7280;font-size:.85em}
ul{padding-left:20px}
</style>
</head>
<body><main><p class="brand">Acme CRM</p>
${bodyHtml}
</main></body>
</html>`;
}
