import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Steps the console journeys share, written against what a person sees: labels, button names,
 * headings. Kept apart from the rest of the harness (launching, the stack, axe, screenshots),
 * which the widget tests share as well.
 */

/** How long a console step may take to show its outcome (a popup round trip included). */
export const consoleTimeout = 15_000;

/** Everything the page reported as an error: uncaught exceptions and console errors (CSP refusals among them). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 4xx/5xx answer the page handles shows up as "Failed to load resource"; that is not a page error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Waits until the page's one `<h1>` reads `title` (a string matches exactly). */
export async function expectHeading(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: typeof title === 'string' ? true : undefined }).waitFor({ timeout: consoleTimeout });
}

/**
 * Signs in on `/sign-in` with `key` (the admin key or an org key) and waits for the home page
 * (`/connectors` for the builder, `/setup/connectors` for a subscriber admin). Checks on the way
 * that the key went nowhere it must not: not the URL, not web storage.
 */
export async function signInToConsole(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Key', { exact: false }).fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const home = key.startsWith('sbk_') ? '/connectors' : '/setup/connectors';
  await page.waitForURL(`${baseUrl}${home}`, { timeout: consoleTimeout });
  expect(page.url()).not.toContain(key);
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(stored).not.toContain(key);
  const cookies = await page.context().cookies();
  // The session cookie is HttpOnly (JavaScript cannot read it) and holds a session id, not the key.
  expect(cookies.every((cookie) => !cookie.value.includes(key))).toBe(true);
  expect(cookies.filter((cookie) => cookie.name === 'sb_console').map((cookie) => cookie.httpOnly)).toEqual([true]);
}

/** Signs out with the top bar's button and waits for the sign-in page. */
export async function signOutOfConsole(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHeading(page, 'Sign in');
}

/**
 * Clicks `button` (which opens the consent popup inside the click), signs in at the demo
 * authorization server as `user` and allows access; resolves when the popup has closed itself
 * (the callback page told the console the outcome).
 */
export async function authorizeInDemoPopup(page: Page, button: ReturnType<Page['getByRole']>, user: { username: string; password: string }): Promise<void> {
  const popupOpened = page.waitForEvent('popup', { timeout: consoleTimeout });
  await button.click();
  const popup = await popupOpened;
  await popup.getByLabel('Username').fill(user.username, { timeout: consoleTimeout });
  await popup.getByLabel('Password').fill(user.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  const closed = popup.waitForEvent('close', { timeout: consoleTimeout });
  await popup.getByRole('button', { name: 'Allow' }).click({ timeout: consoleTimeout });
  await closed;
}

/** Dismisses every toast on screen (before a picture meant for people, so none covers the page). */
export async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}
