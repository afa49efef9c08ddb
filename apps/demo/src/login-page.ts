import { escapeHtml } from './escape-html.js';
import { renderPage } from './render-page.js';

/** What the login page shows. */
export interface LoginPageInput {
  /** Where the form posts. */
  action: string;
  clientName: string;
  username?: string;
  error?: string;
}

/**
 * The sign-in form. `data-step` marks the form so the headless driver can tell pages apart
 * without depending on wording.
 */
export function renderLoginPage(input: LoginPageInput): string {
  const error = input.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(input.error)}</p>`;
  return renderPage('Sign in', `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(input.clientName)}</strong></p>
${error}
<form method="post" action="${escapeHtml(input.action)}" data-step="login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(input.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Demo accounts: alice / wonderland, bob / builder</p>`);
}
