import { escapeHtml } from './escape-html.js';
import { renderPage } from './render-page.js';

/** What the consent page shows. */
export interface ConsentPageInput {
  /** Where the form posts. */
  action: string;
  clientName: string;
  username: string;
  /** Human-readable permissions being asked for. */
  permissions: string[];
}

/** The allow/deny form; both buttons submit `decision` so one handler sees the choice. */
export function renderConsentPage(input: ConsentPageInput): string {
  const items = input.permissions.map((permission) => `<li>${escapeHtml(permission)}</li>`).join('\n');
  return renderPage('Authorize access', `<h1>Authorize ${escapeHtml(input.clientName)}</h1>
<p>Signed in as <strong>${escapeHtml(input.username)}</strong>. <strong>${escapeHtml(input.clientName)}</strong> asks to:</p>
<ul>
${items}
</ul>
<form method="post" action="${escapeHtml(input.action)}" data-step="consent">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`);
}
