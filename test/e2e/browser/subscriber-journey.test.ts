import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, saveScreenshot, startStack, type Stack } from './harness/index.js';
import { authorizeInDemoPopup, collectPageErrors, dismissToasts, consoleTimeout, expectHeading, signInToConsole, signOutOfConsole } from './harness/console-steps.js';
import { saveViewportScreenshot } from './harness/save-viewport-screenshot.js';
import { waitForSettledPage } from './harness/wait-for-settled-page.js';

/**
 * The subscriber journey of issue 5 in a real Chromium, in the console only. As the builder (admin
 * key): Orgs › Create org, install the quick start's `acme_crm` release in it, create an org key
 * (read from the dialog that shows it once), sign out. Then as that org's admin (the org key):
 * Setup › Connectors shows the connector as not authorized; authorize it through the demo's
 * consent popup (as bob); it shows authorized without a reload; revoke it; it shows not
 * authorized; sign out.
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

  it('as the builder: creates the org, installs the release and creates an org key, in the console', async () => {
    const { solution, release } = stack.subscriber;
    await signInToConsole(page, stack.url, stack.adminKey);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orgs' }).click();
    await expectHeading(page, 'Orgs');
    // dev is listed as the builder's own org.
    await page.getByRole('row', { name: /Development/ }).getByText('Your test org').waitFor({ timeout: consoleTimeout });

    await page.getByRole('button', { name: 'Create org' }).click();
    const create = page.getByRole('dialog', { name: 'Create org' });
    await create.getByLabel('Name').fill('Globex Corporation');
    expect(await create.getByLabel('Org id').inputValue()).toBe('globex-corporation'); // suggested from the name
    await create.getByLabel('Org id').fill(org);
    await create.getByRole('button', { name: 'Create org' }).click();
    await page.waitForURL(`${stack.url}/orgs/${org}`, { timeout: consoleTimeout });
    await expectHeading(page, 'Globex Corporation');
    expect(await page.getByRole('link', { name: /View events/ }).getAttribute('href')).toBe(`/events?org=${org}`);

    await page.getByRole('button', { name: 'Install release' }).click();
    const install = page.getByRole('dialog', { name: 'Install release' });
    await install.getByLabel('Solution').selectOption(solution);
    await install.getByLabel('Release').waitFor({ timeout: consoleTimeout });
    expect(await install.getByLabel('Release').inputValue()).toBe(release);
    await expectNoSeriousAxeViolations(page, 'the install release dialog');
    await install.getByRole('button', { name: 'Install' }).click();
    await install.waitFor({ state: 'hidden', timeout: consoleTimeout });
    const installations = page.getByRole('table', { name: 'Solutions installed in Globex Corporation' });
    await installations.getByRole('cell', { name: release, exact: true }).waitFor({ timeout: consoleTimeout });
    // The checklist follows: the connector is there, not authorized until the org's admin consents.
    const connections = page.getByRole('table', { name: 'Connections of Globex Corporation' });
    await connections.getByText('Not authorized').waitFor({ timeout: consoleTimeout });
    expect((await stack.api('GET', `/v1/orgs/${org}/installations`)).body.items.map((item: { solution: string; release: string }) => `${item.solution}@${item.release}`)).toEqual([
      `${solution}@${release}`,
    ]);

    await page.getByRole('button', { name: 'Create org key' }).click();
    const createKey = page.getByRole('dialog', { name: 'Create org key' });
    await createKey.getByLabel('Key name').fill('Globex admin');
    await createKey.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Org key created' });
    await shown.waitFor({ timeout: consoleTimeout });
    orgKey = await shown.getByLabel('Org key').inputValue();
    expect(orgKey).toMatch(/^sbo_/);
    await shown.getByText('This is the only time the key is shown.').waitFor();
    await shown.getByRole('button', { name: 'Copy org key' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the org key dialog');
    await saveScreenshot(page, 'builder-org-key-created');
    await shown.getByRole('button', { name: 'I have saved the key' }).click();
    await shown.waitFor({ state: 'hidden', timeout: consoleTimeout });
    // Listed by name and prefix only: the key itself is nowhere on the page any more.
    await page.getByRole('table', { name: 'Keys of Globex Corporation' }).getByRole('cell', { name: 'Globex admin', exact: true }).waitFor({ timeout: consoleTimeout });
    expect(await page.content()).not.toContain(orgKey);
    await waitForSettledPage(page);
    await expectNoSeriousAxeViolations(page, 'the org page');
    await saveScreenshot(page, 'builder-org');
    await signOutOfConsole(page);
  });

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
