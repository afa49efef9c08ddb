import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, saveScreenshot, startStack, type Stack } from './harness/index.js';

/**
 * The widget journey of issue 5 in a real Chromium: the sample widget at `/widgets/sample`,
 * driven like a person would, uses the browser SDK against the quick-start stack (Switchboard and
 * the Acme CRM demo). It connects through the real consent popup, lists and creates contacts,
 * uploads a real file whose bytes are checked at the demo upstream, disconnects; and a session
 * token minted for another origin is refused.
 */

const sdkBuild = fileURLToPath(new URL('../../../packages/sdk/dist/switchboard.global.js', import.meta.url));

/** Everything the page reported as an error: uncaught exceptions, console errors (CSP refusals among them). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const poll = { timeout: 15_000, interval: 100 };

/**
 * Another site embedding the SDK: a page on its own loopback origin that imports the ESM build
 * from Switchboard (`/sdk/switchboard.js`, served with `Access-Control-Allow-Origin: *`) and wires
 * a Connect button to `authorize`. Returns its origin and a closer.
 */
async function serveEmbeddingPage(switchboardUrl: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Embedding site</title>
<script type="module" src="/embed.js"></script></head>
<body><main><h1>Embedding site</h1><button id="connect" type="button">Connect</button></main></body></html>`;
  const script = `import * as Switchboard from '${switchboardUrl}/sdk/switchboard.js';
window.Switchboard = Switchboard;
document.getElementById('connect').addEventListener('click', () => {
  // Synchronously in the click, as the SDK asks.
  window.authorizing = window.sb.authorize('acme').then((result) => ({ result }), (error) => ({ code: error.code, typed: error instanceof Switchboard.SwitchboardError }));
});`;
  const server: Server = createServer((request, response) => {
    const [type, body] = request.url === '/embed.js' ? ['text/javascript', script] : ['text/html; charset=utf-8', page];
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.skipIf(!chromiumAvailable)('sample widget with the browser SDK (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!existsSync(sdkBuild)) throw new Error(`The SDK is not built (${sdkBuild} is missing): run npm run build -w @switchboard/sdk (npm test builds it).`);
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const openWidget = async (viewport = { width: 1024, height: 900 }): Promise<{ page: Page; errors: string[] }> => {
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${stack.url}/widgets/sample`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction(() => typeof (window as unknown as { Switchboard?: unknown }).Switchboard === 'object');
    return { page, errors };
  };

  /** Pastes the token: the only thing the widget asks for (the SDK reads the org from it). */
  const useSession = async (page: Page, token: string) => {
    await page.getByLabel('Session token').fill(token);
    await page.getByRole('button', { name: 'Use session' }).click();
  };

  const statusText = (page: Page) => page.locator('#connection-status').textContent();

  it('connects in the consent popup, lists and creates contacts, uploads a real file, disconnects', { timeout: 120_000 }, async () => {
    const org = stack.subscriber.org;
    const token = await stack.session(org, { allowedOrigins: [stack.url], connectors: ['acme'] });
    const { page, errors } = await openWidget();
    await expectNoSeriousAxeViolations(page, 'the sample widget (no session)');
    await saveScreenshot(page, 'widget-start');

    expect(await page.getByLabel('Org').count()).toBe(0);
    await useSession(page, token);
    await expect.poll(() => statusText(page), poll).toBe('Status: Not connected');
    expect(await page.locator('#session-state').textContent()).toBe(`Session token set for org ${org}.`);
    // The token is kept for the tab only, and out of the URL and the field.
    expect(page.url()).toBe(`${stack.url}/widgets/sample`);
    expect(await page.getByLabel('Session token').inputValue()).toBe('');
    const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('switchboard-sample:session') ?? '', local: localStorage.length }));
    expect(storage.session).toContain(token);
    expect(storage.local).toBe(0);

    // Connect: the popup opens inside the click and shows the demo's real login, then consent.
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Connect Acme CRM' }).click();
    const popup = await popupOpened;
    await popup.getByLabel('Username').fill('bob');
    await popup.getByLabel('Password').fill('builder');
    await saveScreenshot(popup, 'widget-popup-login');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.getByRole('button', { name: 'Allow' }).waitFor();
    await saveScreenshot(popup, 'widget-popup-consent');
    const popupClosed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Allow' }).click();
    // The callback page posts its message; the SDK resolves and closes the popup.
    await popupClosed;
    await expect.poll(() => statusText(page), poll).toBe('Status: Connected');
    expect((await stack.api('GET', `/v1/orgs/${org}/connections/acme`)).body.status).toBe('authorized');

    await page.getByRole('button', { name: 'List contacts' }).click();
    const contacts = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    await expect.poll(() => contacts.count(), poll).toBeGreaterThan(0);
    const seeded = await contacts.count();

    await page.getByLabel('First name').fill('Katherine');
    await page.getByLabel('Last name').fill('Johnson');
    await page.getByLabel('Email').fill('katherine@example.com');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => contacts.count(), poll).toBe(seeded + 1);
    expect(await contacts.last().textContent()).toContain('Katherine Johnson');
    await expect.poll(() => page.locator('#activity').textContent(), poll).toBe('Created Katherine Johnson.');
    await saveScreenshot(page, 'widget-connected');

    // A real file: random bytes with the troublemakers (NUL, CR LF, invalid UTF-8) up front.
    const bytes = Buffer.concat([Buffer.from([0, 13, 10, 0xff, 0xc3, 0x28]), randomBytes(300_000)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const uploadsBefore = stack.demo.uploadedFiles().length;
    await page.getByLabel('File to upload').setInputFiles({ name: 'quarterly-report.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await page.getByLabel('Note').fill('Q3 figures');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.locator('#upload-result').getAttribute('data-sha256'), poll).toBe(sha256);
    // What the upstream itself received: the same bytes, as a multipart file field, with the note.
    const uploads = stack.demo.uploadedFiles();
    expect(uploads).toHaveLength(uploadsBefore + 1);
    expect(uploads.at(-1)).toMatchObject({
      sha256,
      size: bytes.byteLength,
      filename: 'quarterly-report.bin',
      contentType: 'application/octet-stream',
      fieldName: 'file',
      otherFields: { note: 'Q3 figures' },
    });
    await expectNoSeriousAxeViolations(page, 'the sample widget (connected, after an upload)');
    await saveScreenshot(page, 'widget-uploaded');

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => statusText(page), poll).toBe('Status: Not connected');
    expect((await stack.api('GET', `/v1/orgs/${org}/connections/acme`)).body.status).toBe('not_authorized');
    expect(await page.getByRole('button', { name: 'List contacts' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'widget-disconnected');

    expect(errors).toEqual([]);
    expect(stack.logs()).not.toContain(token.slice(token.lastIndexOf('.') + 1));
  });

  it('is readable at phone width: nothing overflows sideways, no serious axe findings', async () => {
    const { page, errors } = await openWidget({ width: 375, height: 812 });
    // The longest line of the page: the curl command of the help text.
    await page.getByText('Mint one with curl').click();
    expect(await page.locator('#mint-command').textContent()).toContain(`${stack.url}/v1/orgs/acme-customer/sessions`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page, 'the sample widget at phone width');
    await saveScreenshot(page, 'widget-phone');
    expect(errors).toEqual([]);
  });

  it('works embedded in another site: CORS, the popup message to that origin, a multipart upload', { timeout: 120_000 }, async () => {
    const org = stack.subscriber.org;
    const site = await serveEmbeddingPage(stack.url);
    try {
      const token = await stack.session(org, { allowedOrigins: [site.origin], connectors: ['acme'] });
      context = await browser.newContext();
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => typeof (window as unknown as { Switchboard?: unknown }).Switchboard === 'object');
      const authorized = () => page.evaluate(() => (window as unknown as { sb: { isConnectorAuthorized(c: string): Promise<boolean> } }).sb.isConnectorAuthorized('acme'));
      await page.evaluate(
        ({ baseUrl, sessionToken }) => {
          (window as unknown as { sb: unknown }).sb = Switchboard.init({ baseUrl, sessionToken });
        },
        { baseUrl: stack.url, sessionToken: token },
      );
      expect(await authorized()).toBe(false);

      const popupOpened = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Connect' }).click();
      const popup = await popupOpened;
      await popup.getByLabel('Username').fill('bob');
      await popup.getByLabel('Password').fill('builder');
      await popup.getByRole('button', { name: 'Sign in' }).click();
      await popup.getByRole('button', { name: 'Allow' }).click();
      // The callback page posted to this site's origin (the session's), and the SDK accepted it
      // only because it came from Switchboard's origin and from its own popup.
      const outcome = await page.evaluate(() => (window as unknown as { authorizing: Promise<unknown> }).authorizing);
      expect(outcome).toEqual({ result: { status: 'authorized', connector: 'acme', org } });
      expect(await authorized()).toBe(true);

      const bytes = randomBytes(100_000);
      const uploaded = await page.evaluate(async (base64) => {
        const data = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
        const sb = (window as unknown as { sb: ReturnType<typeof Switchboard.init> }).sb;
        const result = await sb.invokeAPI<{ sha256: string }>('acme.uploadfile', { FILE: new File([data], 'cross-origin.bin', { type: 'application/octet-stream' }) });
        return { status: result.status, sha256: result.body.sha256 };
      }, bytes.toString('base64'));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(uploaded).toEqual({ status: 201, sha256 });
      expect(stack.demo.uploadedFiles().at(-1)).toMatchObject({ sha256, filename: 'cross-origin.bin', fieldName: 'file' });

      await page.evaluate(() => (window as unknown as { sb: ReturnType<typeof Switchboard.init> }).sb.revokeConnector('acme'));
      expect(await authorized()).toBe(false);
      expect(errors).toEqual([]);

      // A session that does not list this site: the browser hides the refusal (no CORS header),
      // so the SDK can only say the request failed.
      const foreign = await stack.session(org, { allowedOrigins: [stack.url], connectors: ['acme'] });
      const refused = await page.evaluate(
        async ({ baseUrl, sessionToken }) => {
          try {
            await Switchboard.init({ baseUrl, sessionToken }).isConnectorAuthorized('acme');
            return undefined;
          } catch (error) {
            return { typed: error instanceof Switchboard.SwitchboardError, code: (error as { code?: string }).code };
          }
        },
        { baseUrl: stack.url, sessionToken: foreign },
      );
      expect(refused).toEqual({ typed: true, code: 'network_error' });
    } finally {
      await site.close();
    }
  });

  it('refuses a session token minted for another origin: 403 origin_not_allowed as a SwitchboardError', async () => {
    const org = stack.subscriber.org;
    const token = await stack.session(org, { allowedOrigins: ['http://127.0.0.1:1'], connectors: ['acme'] });
    const { page } = await openWidget();
    await useSession(page, token);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), poll).toContain('SwitchboardError: origin_not_allowed (HTTP 403)');
    expect(await alert.getAttribute('data-code')).toBe('origin_not_allowed');
    await expectNoSeriousAxeViolations(page, 'the sample widget (refused session)');
    await saveScreenshot(page, 'widget-origin-refused');

    // The same straight through the SDK in the page: a typed error, and no popup for a refused start.
    const outcome = await page.evaluate(
      async ({ baseUrl, sessionToken }) => {
        const sb = Switchboard.init({ baseUrl, sessionToken });
        try {
          await sb.invokeAPI('acme.listcontacts');
          return { rejected: false };
        } catch (error) {
          const e = error as InstanceType<typeof Switchboard.SwitchboardError>;
          return { rejected: true, typed: error instanceof Switchboard.SwitchboardError, code: e.code, status: e.status, problemCode: e.problem?.code };
        }
      },
      { baseUrl: stack.url, sessionToken: token },
    );
    expect(outcome).toEqual({ rejected: true, typed: true, code: 'origin_not_allowed', status: 403, problemCode: 'origin_not_allowed' });
  });
});

/** The global the SDK's classic-script build defines, as the page sees it. */
declare const Switchboard: typeof import('../../../packages/sdk/src/index.js');
