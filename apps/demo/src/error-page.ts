import { escapeHtml } from './escape-html.js';
import { renderPage } from './render-page.js';

/** An error page for the browser, e.g. an unknown client or an expired interaction. */
export function renderErrorPage(error: string, description: string | undefined): string {
  const details = description === undefined ? '' : `<p>${escapeHtml(description)}</p>`;
  return renderPage('Error', `<h1>Something went wrong</h1>
<p class="error" data-error="${escapeHtml(error)}"><strong>${escapeHtml(error)}</strong></p>
${details}`);
}
