import { createCookieJar } from './cookie-jar.js';

/** How {@link completeConsentHeadlessly} answers the pages. */
export interface HeadlessConsentOptions {
  username: string;
  password: string;
  /** The button pressed on the consent page; default 'allow'. */
  decision?: 'allow' | 'deny';
}

/** Redirects, pages and form posts one run may take before it is considered stuck. */
const MAX_STEPS = 20;

/**
 * Plays the browser for one authorization request: follows the provider's redirects with a
 * cookie jar, fills in the real login form and presses a button on the real consent form,
 * exactly as a person would (no provider internals). Returns the redirect to the client
 * (its redirect_uri with code, state and iss, or with an error) without following it.
 * Throws when a page is an error page or the login is refused. Only the query response mode is
 * supported, which is the default for response_type=code.
 */
export async function completeConsentHeadlessly(authorizationUrl: string, options: HeadlessConsentOptions): Promise<URL> {
  const start = new URL(authorizationUrl);
  const registeredRedirect = start.searchParams.get('redirect_uri');
  const isClientRedirect = (url: URL): boolean =>
    url.origin !== start.origin || (registeredRedirect !== null && sameEndpoint(url, new URL(registeredRedirect)));

  const jar = createCookieJar();
  let url = start;
  let form: URLSearchParams | undefined;
  let loginSubmitted = false;

  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers = new Headers({ accept: 'text/html' });
    const cookie = jar.headerFor(url);
    if (cookie !== undefined) headers.set('cookie', cookie);
    if (form !== undefined) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, { method: form === undefined ? 'GET' : 'POST', headers, body: form, redirect: 'manual' });
    jar.store(url, response.headers.getSetCookie());

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (isClientRedirect(next)) return next;
      url = next;
      form = undefined;
      continue;
    }

    const html = await response.text();
    const page = readForm(html);
    if (response.status !== 200 || page === undefined) {
      throw new Error(`authorization stopped at ${url.pathname} with HTTP ${response.status}: ${describePage(html)}`);
    }
    const action = new URL(page.action, url);
    if (page.step === 'login') {
      if (loginSubmitted) throw new Error(`login refused for user "${options.username}"`);
      loginSubmitted = true;
      form = new URLSearchParams({ username: options.username, password: options.password });
    } else {
      form = new URLSearchParams({ decision: options.decision ?? 'allow' });
    }
    url = action;
  }
  throw new Error(`authorization did not reach the client within ${MAX_STEPS} steps`);
}

interface PageForm {
  step: 'login' | 'consent';
  action: string;
}

/** Finds the demo's own form by its data-step marker (the markup is ours, so a regex is enough). */
function readForm(html: string): PageForm | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const step = /\bdata-step="(login|consent)"/.exec(attributes)?.[1];
    const action = /\baction="([^"]*)"/.exec(attributes)?.[1];
    if ((step === 'login' || step === 'consent') && action !== undefined) {
      return { step, action: unescapeHtml(action) };
    }
  }
  return undefined;
}

function describePage(html: string): string {
  const error = /data-error="([^"]*)"/.exec(html)?.[1];
  if (error !== undefined) {
    const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((match) => unescapeHtml(match[1] ?? ''));
    return [unescapeHtml(error), ...paragraphs].join(' - ');
  }
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

function sameEndpoint(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
