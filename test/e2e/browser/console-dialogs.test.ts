import { acmeLogoDataUrl } from '@switchboard/demo';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, startStack, type Stack } from './harness/index.js';
import { collectPageErrors, consoleTimeout, dismissToasts, expectHeading, signInToConsole } from './harness/console-steps.js';
import { saveViewportScreenshot } from './harness/save-viewport-screenshot.js';
import { waitForSettledPage } from './harness/wait-for-settled-page.js';

/**
 * The console's dialogs that the page and journey tests do not open, at a laptop and a phone
 * width, in a real Chromium, each reached the way a person reaches it: Create solution,
 * Associate connector (with its version picker), Create function, Create webhook and the
 * one-time signing secret, and the subscriber's upgrade confirmation. Each must have no serious
 * or critical axe-core findings (with the page behind it inert), fit the viewport sideways, and
 * leave a screenshot (`test-results/screenshots/dialog-<name>-<width>.png`). One quick-start
 * stack for the file, with a version 2 of `acme` published and cut into release 1.0.1 of
 * `acme_crm`, so `acme-customer` (on 1.0.0) has an upgrade to confirm.
 */

const viewports = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/** The release the quick start installed, and the one cut here. */
const upgradeRelease = '1.0.1';

describe.skipIf(!chromiumAvailable)('console dialogs: axe-core and screenshots (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let orgKey: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const must = async (method: string, path: string, body: unknown, expected: number) => {
      const response = await stack.api(method, path, body);
      if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    // acme v2 (a changed description), pinned into acme_crm and cut as release 1.0.1.
    await must('PATCH', '/v1/connectors/acme', { description: 'Acme CRM contacts and files (v2).' }, 200);
    const published = await must('POST', '/v1/connectors/acme/publish', { logo: acmeLogoDataUrl, supportEmail: 'support@acme.example', releaseNotes: 'A clearer description.' }, 201);
    expect(published.version).toBe(2);
    await must('PUT', `/v1/solutions/${stack.subscriber.solution}/connectors/acme`, { version: 2 }, 200);
    await must('POST', `/v1/solutions/${stack.subscriber.solution}/releases`, { version: upgradeRelease, notes: 'acme version 2' }, 201);
    orgKey = await stack.orgKey(stack.subscriber.org);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** The open dialog named `name`, once it is shown and its content has settled. */
  const openDialog = async (page: Page, name: string | RegExp): Promise<Locator> => {
    const dialog = page.getByRole('dialog', { name, exact: typeof name === 'string' ? true : undefined });
    await dialog.waitFor({ timeout: consoleTimeout });
    await waitForSettledPage(page);
    return dialog;
  };

  /** Checks and photographs the page with its dialog open. */
  const check = async (page: Page, dialog: Locator, name: string, width: number) => {
    await expectNoSeriousAxeViolations(page, `the ${name} dialog at ${width}px`);
    const box = await dialog.boundingBox();
    expect(box, `the ${name} dialog is not laid out`).not.toBeNull();
    expect(box!.x, `the ${name} dialog starts off-screen at ${width}px`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `the ${name} dialog is wider than the viewport at ${width}px`).toBeLessThanOrEqual(width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `the ${name} dialog makes the page scroll sideways at ${width}px`).toBeLessThanOrEqual(0);
    // The viewport: a full-page picture would show the modal's backdrop cut off at the fold.
    await saveViewportScreenshot(page, `dialog-${name}-${width}`);
  };

  for (const viewport of viewports) {
    it(`builder dialogs at ${viewport.width}px: create solution, associate connector, create function, create webhook, signing secret`, { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await signInToConsole(page, stack.url, stack.adminKey);

        // Create solution, from the Solutions page; saving opens the new solution.
        await page.goto(`${stack.url}/solutions`);
        await expectHeading(page, 'Solutions');
        await waitForSettledPage(page);
        await page.getByRole('button', { name: 'Create solution' }).click();
        let dialog = await openDialog(page, 'Create solution');
        const solutionName = `Dialog check ${viewport.width}`;
        await dialog.getByLabel('Name (required)', { exact: true }).fill(solutionName);
        await check(page, dialog, 'create-solution', viewport.width);
        await dialog.getByRole('button', { name: 'Create solution' }).click();
        await expectHeading(page, solutionName);
        await waitForSettledPage(page);
        await dismissToasts(page);

        // Associate connector: pick acme, and the version picker lists both published versions, newest chosen.
        await page.getByRole('button', { name: 'Associate connector' }).click();
        dialog = await openDialog(page, 'Associate connector');
        await dialog.getByLabel('Connector (required)', { exact: true }).selectOption('acme');
        const versionPicker = dialog.getByLabel('Version (required)', { exact: true });
        await versionPicker.waitFor({ timeout: consoleTimeout });
        await waitForSettledPage(page);
        const versions = await versionPicker.locator('option').allTextContents();
        expect(versions.map((text) => text.split(' ')[0])).toEqual(['v2', 'v1']);
        expect(await versionPicker.inputValue()).toBe('2');
        await check(page, dialog, 'associate-connector', viewport.width);
        await dialog.getByRole('button', { name: 'Associate', exact: true }).click();
        await dialog.waitFor({ state: 'hidden', timeout: consoleTimeout });
        await waitForSettledPage(page);
        await dismissToasts(page);

        // Create function, from the same solution page (cancelled: the dialog is what is checked).
        await page.getByRole('button', { name: 'Create function' }).click();
        dialog = await openDialog(page, 'Create function');
        await dialog.getByLabel('Name (required)', { exact: true }).fill('Sync lead');
        expect(await dialog.getByLabel('API name (required)', { exact: true }).inputValue()).toBe('sync_lead');
        await check(page, dialog, 'create-function', viewport.width);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden', timeout: consoleTimeout });

        // Create webhook, then its signing secret, shown once.
        await page.goto(`${stack.url}/webhooks`);
        await expectHeading(page, 'Webhooks');
        await waitForSettledPage(page);
        await page.getByRole('button', { name: 'Create webhook' }).first().click();
        dialog = await openDialog(page, 'Create webhook');
        await dialog.getByLabel('Endpoint URL (required)', { exact: true }).fill(`http://127.0.0.1:9/hooks/dialog-check-${viewport.width}`);
        await dialog.getByRole('checkbox').first().check();
        await check(page, dialog, 'create-webhook', viewport.width);
        await dialog.getByRole('button', { name: 'Create webhook' }).click();
        dialog = await openDialog(page, 'Webhook signing secret');
        expect(await dialog.getByLabel('Signing secret', { exact: true }).inputValue()).toMatch(/\S{16,}/);
        await check(page, dialog, 'webhook-secret', viewport.width);
        await dialog.getByRole('button', { name: 'I have saved the secret' }).click();
        await dialog.waitFor({ state: 'hidden', timeout: consoleTimeout });

        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`the subscriber's upgrade confirmation at ${viewport.width}px`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await signInToConsole(page, stack.url, orgKey);
        await page.goto(`${stack.url}/setup/installations`);
        await expectHeading(page, 'Installations');
        await waitForSettledPage(page);
        await page.getByRole('button', { name: `Upgrade to ${upgradeRelease} (${stack.subscriber.solution})` }).click();
        const dialog = await openDialog(page, `Upgrade ${stack.subscriber.solution} to ${upgradeRelease}?`);
        expect(await dialog.textContent()).toContain(`From release ${stack.subscriber.release} to ${upgradeRelease}`);
        await check(page, dialog, 'upgrade-installation', viewport.width);
        // Cancelled: the org stays on its release (and the other width finds the same dialog).
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden', timeout: consoleTimeout });
        expect((await stack.api('GET', `/v1/orgs/${stack.subscriber.org}/installations`)).body.items[0].release).toBe(stack.subscriber.release);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
