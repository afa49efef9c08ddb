import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completeConsentHeadlessly } from '@switchboard/demo';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, saveScreenshot, startStack, type Stack } from './harness/index.js';
import { collectPageErrors, consoleTimeout, expectHeading, signInToConsole } from './harness/console-steps.js';
import { waitForSettledPage } from './harness/wait-for-settled-page.js';

/**
 * Every page of the console, at a laptop and a phone width, in a real Chromium: each must render
 * its heading and settle (no spinner left), have no serious or critical axe-core findings, not
 * overflow sideways, and leave a screenshot (`test-results/screenshots/<page>-<width>.png`) as a
 * test artifact. The quick-start stack is given some life first (an authorized `dev` connection,
 * an API call, a function, a webhook with a delivery), so pages show data rather than only empty
 * states.
 */

interface ConsolePage {
  /** The screenshot's base name. */
  readonly name: string;
  readonly path: string;
  /** The page's `<h1>`. */
  readonly heading: string | RegExp;
}

const viewports = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

const functionSource = `export async function main(args, context) {
  console.log('greeting', args.name);
  return { greeting: 'Hello, ' + args.name };
}
`;

/** A webhook receiver on loopback that accepts every delivery. */
async function startReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/switchboard`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe.skipIf(!chromiumAvailable)('every console page: axe-core and screenshots (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let orgKey: string;
  let webhookId: string;

  beforeAll(async () => {
    [stack, browser, receiver] = await Promise.all([startStack(), launchBrowser(), startReceiver()]);
    const must = async (method: string, path: string, body: unknown, expected: number) => {
      const response = await stack.api(method, path, body);
      if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    // dev authorizes acme (headlessly, through the demo's real pages) and calls an API: events.
    const started = await must('POST', '/v1/orgs/dev/connections/acme/authorize', {}, 200);
    const redirect = await completeConsentHeadlessly(started.authorizationUrl, { username: 'alice', password: 'wonderland' });
    const callback = await fetch(redirect);
    if (callback.status !== 200) throw new Error(`callback: ${callback.status}`);
    await must('POST', '/v1/orgs/dev/invoke/acme.createcontact', { First_Name: 'Grace', Last_Name: 'Hopper', Email_ID: 'grace@example.com', Phone_Number: '555-0100' }, 200);
    // A function of the quick start's solution, for the function editor.
    await must('POST', `/v1/solutions/${stack.subscriber.solution}/functions`, { apiName: 'greet', name: 'Greet', source: functionSource }, 201);
    // A webhook with one delivery.
    const webhook = await must('POST', '/v1/webhooks', { url: receiver.url, events: ['connection.authorized', 'connection.revoked'], description: 'CRM sync' }, 201);
    webhookId = webhook.id;
    await must('POST', `/v1/webhooks/${webhookId}/test`, {}, 202);
    orgKey = await stack.orgKey(stack.subscriber.org);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await receiver?.close();
  });

  const builderPages = (): ConsolePage[] => [
    { name: 'connectors', path: '/connectors', heading: 'Connectors' },
    { name: 'connector-form', path: '/connectors/new', heading: 'Create connector' },
    { name: 'connector-edit', path: '/connectors/acme/edit', heading: 'Edit Acme CRM' },
    { name: 'connector', path: '/connectors/acme', heading: 'Acme CRM' },
    { name: 'solutions', path: '/solutions', heading: 'Solutions' },
    { name: 'solution', path: `/solutions/${stack.subscriber.solution}`, heading: 'Acme CRM integration' },
    { name: 'orgs', path: '/orgs', heading: 'Orgs' },
    { name: 'org', path: `/orgs/${stack.subscriber.org}`, heading: 'Acme customer (demo subscriber)' },
    { name: 'function-editor', path: `/solutions/${stack.subscriber.solution}/functions/greet`, heading: 'Greet' },
    { name: 'webhooks', path: '/webhooks', heading: 'Webhooks' },
    { name: 'webhook', path: `/webhooks/${webhookId}`, heading: 'Webhook' },
    { name: 'events', path: '/events', heading: 'Events' },
  ];

  const subscriberPages = (): ConsolePage[] => [
    { name: 'setup-connectors', path: '/setup/connectors', heading: 'Setup › Connectors' },
    { name: 'setup-installations', path: '/setup/installations', heading: 'Installations' },
    { name: 'setup-events', path: '/setup/events', heading: 'Events' },
  ];

  /** Visits, checks and photographs one page. */
  const check = async (page: Page, target: ConsolePage, width: number) => {
    await page.goto(`${stack.url}${target.path}`);
    await expectHeading(page, target.heading);
    await waitForSettledPage(page);
    await expectNoSeriousAxeViolations(page, `${target.name} at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${target.name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `${target.name}-${width}`);
  };

  for (const viewport of viewports) {
    it(`sign-in page at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await check(page, { name: 'sign-in', path: '/sign-in', heading: 'Sign in' }, viewport.width);
        // The error state too: a wrong key.
        await page.getByLabel('Key', { exact: false }).fill('sbk_not-the-right-key-at-all-000000');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor({ timeout: consoleTimeout });
        await expectNoSeriousAxeViolations(page, `sign-in with an error at ${viewport.width}px`);
        await saveScreenshot(page, `sign-in-error-${viewport.width}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`builder pages at ${viewport.width}px`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await signInToConsole(page, stack.url, stack.adminKey);
        for (const target of builderPages()) await check(page, target, viewport.width);
        if (viewport.width < 720) {
          // The phone nav: behind a Menu button that says whether it is open.
          const menu = page.getByRole('button', { name: 'Menu' });
          expect(await menu.getAttribute('aria-expanded')).toBe('false');
          await menu.click();
          expect(await menu.getAttribute('aria-expanded')).toBe('true');
          const nav = page.getByRole('navigation', { name: 'Main' });
          await nav.getByRole('link', { name: 'Solutions' }).waitFor({ timeout: consoleTimeout });
          await expectNoSeriousAxeViolations(page, `the open phone menu at ${viewport.width}px`);
          await saveScreenshot(page, `phone-menu-${viewport.width}`);
          await nav.getByRole('link', { name: 'Solutions' }).click();
          await expectHeading(page, 'Solutions');
          expect(await menu.getAttribute('aria-expanded')).toBe('false');
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`subscriber pages at ${viewport.width}px`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await signInToConsole(page, stack.url, orgKey);
        for (const target of subscriberPages()) await check(page, target, viewport.width);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
  for (const viewport of viewports) {
    it(`org page with the new org key dialog at ${viewport.width}px`, { timeout: 30_000 }, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await signInToConsole(page, stack.url, stack.adminKey);
        await page.goto(`${stack.url}/orgs/${stack.subscriber.org}`);
        await expectHeading(page, 'Acme customer (demo subscriber)');
        await waitForSettledPage(page);
        await page.getByRole('button', { name: 'Create org key' }).click();
        const create = page.getByRole('dialog', { name: 'Create org key' });
        await create.getByLabel('Key name').fill(`pages ${viewport.width}`);
        await create.getByRole('button', { name: 'Create key' }).click();
        const shown = page.getByRole('dialog', { name: 'Org key created' });
        await shown.getByLabel('Org key').waitFor({ timeout: consoleTimeout });
        await expectNoSeriousAxeViolations(page, `the org key dialog at ${viewport.width}px`);
        await saveScreenshot(page, `org-key-dialog-${viewport.width}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
