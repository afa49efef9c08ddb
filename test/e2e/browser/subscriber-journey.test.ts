import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, saveScreenshot, startStack, type Stack } from './harness/index.js';
import { authorizeInDemoPopup, collectPageErrors, dismissToasts, consoleTimeout, expectHeading, signInToConsole, signOutOfConsole } from './harness/console-steps.js';
import { saveViewportScreenshot } from './harness/save-viewport-screenshot.js';
import { waitForSettledPage } from './harness/wait-for-settled-page.js';

/**
 * The subscriber journey of issue 5 in a real Chromium. Set up with the admin API (as the
 * builder's backend would): a new org with the quick start's `acme_crm` release installed and an
 * org key. Then, in the console as that org's admin: Setup › Connectors shows the connector as
 * not authorized; authorize it through the demo's consent popup (as bob); it shows authorized
 * without a reload; revoke it; it shows not authorized; sign out.
 */

const org = 'globex';
const poll = { timeout: consoleTimeout, interval: 100 };

describe.skipIf(!chromiumAvailable)('subscriber journey in the console (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let orgKey: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const created = await stack.api('POST', '/v1/orgs', { id: org, name: 'Globex Corporation' });
    expect(created.status).toBe(201);
    const { solution, release } = stack.subscriber;
    const installed = await stack.api('POST', `/v1/orgs/${org}/installations`, { solution, release });
    expect(installed.status, JSON.stringify(installed.body)).toBe(201);
    orgKey = await stack.orgKey(org);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
  });

  /** The checklist card of the quick start's connector. */
  const card = (): Locator => page.getByRole('article', { name: 'Acme CRM' });
  const cardStatus = (): Promise<string | null> => card().locator('.badge').first().textContent();
  const connectionStatus = async (): Promise<string> => (await stack.api('GET', `/v1/orgs/${org}/connections/acme`)).body.status;

  it('signs in with the org key and sees the installed connector as not authorized', async () => {
    await signInToConsole(page, stack.url, orgKey);
    await expectHeading(page, 'Setup › Connectors');
    await page.getByRole('banner').getByText('Globex Corporation').waitFor({ timeout: consoleTimeout });
    await card().waitFor({ timeout: consoleTimeout });
    await expect.poll(cardStatus, poll).toBe('Not authorized');
    expect(await page.getByText('0 of 1 connector authorized.').count()).toBe(1);
    // Where it came from: the solution and the pinned version; and the logo published with it.
    expect(await card().textContent()).toContain(`version 1 · from ${stack.subscriber.solution}`);
    await expect.poll(() => card().locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), poll).toBe(true);
    await waitForSettledPage(page);
    await expectNoSeriousAxeViolations(page, 'Setup › Connectors (not authorized)');
    await saveScreenshot(page, 'subscriber-not-authorized');
    // A subscriber admin sees only the org's pages: the builder's are refused.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Setup › Connectors', 'Installations', 'Events']);
  });

  it('authorizes in the consent popup (as bob) and shows authorized without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await authorizeInDemoPopup(page, card().getByRole('button', { name: 'Authorize Acme CRM' }), { username: 'bob', password: 'builder' });
    await expect.poll(cardStatus, poll).toBe('Authorized');
    await card().getByRole('button', { name: 'Revoke Acme CRM' }).waitFor({ timeout: consoleTimeout });
    await page.getByText('1 of 1 connector authorized.').waitFor({ timeout: consoleTimeout });
    expect(navigations).toEqual([]);
    expect(await connectionStatus()).toBe('authorized');
    await waitForSettledPage(page);
    await expectNoSeriousAxeViolations(page, 'Setup › Connectors (authorized)');
    await saveScreenshot(page, 'subscriber-authorized');
    await dismissToasts(page);
    await saveViewportScreenshot(page, 'readme-subscriber-setup-connectors');
  });

  it('revokes after confirming, and shows not authorized again', async () => {
    await card().getByRole('button', { name: 'Revoke Acme CRM' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Acme CRM?' });
    await confirm.waitFor({ timeout: consoleTimeout });
    await expectNoSeriousAxeViolations(page, 'the revoke confirmation');
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await confirm.waitFor({ state: 'hidden', timeout: consoleTimeout });
    await expect.poll(cardStatus, poll).toBe('Not authorized');
    await card().getByRole('button', { name: 'Authorize Acme CRM' }).waitFor({ timeout: consoleTimeout });
    expect(await connectionStatus()).toBe('not_authorized');
    await saveScreenshot(page, 'subscriber-revoked');
  });

  it('signs out: the console asks for a key again, and the cookie no longer works', async () => {
    await signOutOfConsole(page);
    await page.goto(`${stack.url}/setup/connectors`);
    await expectHeading(page, 'Sign in');
    expect(errors).toEqual([]);
    expect(stack.logs()).not.toContain(orgKey.split('.')[1]!);
  });
});
