import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoSeriousAxeViolations, launchBrowser, saveScreenshot, startStack, type Stack } from './harness/index.js';
import { authorizeInDemoPopup, collectPageErrors, consoleTimeout, dismissToasts, expectHeading, signInToConsole } from './harness/console-steps.js';
import { saveViewportScreenshot } from './harness/save-viewport-screenshot.js';
import { waitForSettledPage } from './harness/wait-for-settled-page.js';

/**
 * The builder journey of issue 5 in a real Chromium, through the console alone: sign in with the
 * admin key, create a connector for the demo service (Acme CRM) with the Client Credentials
 * dialog, add APIs, authorize through the demo's real consent popup, execute an API and read its
 * code and body, publish with a logo, associate the version with a solution and cut a release.
 * The only API calls the test makes itself are reads, to check what the console did.
 */

/** A real 16×16 PNG (an opaque teal square; valid CRCs and zlib checksum), so the publish dialog's logo preview has something to decode. */
const logoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mPgL8sjCTGMahjVMHw1AADRzfMB51v/iwAAAABJRU5ErkJggg==',
  'base64',
);

const poll = { timeout: consoleTimeout, interval: 100 };

describe.skipIf(!chromiumAvailable)('builder journey in the console (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let tempDir: string;
  /** `crm`: a new connector beside the quick start's `acme`. */
  const connector = 'crm';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectPageErrors(page);
    tempDir = mkdtempSync(join(tmpdir(), 'switchboard-logo-'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('signs in with the admin key and lands on All Connectors', async () => {
    await signInToConsole(page, stack.url, stack.adminKey);
    await expectHeading(page, 'Connectors');
    // The quick start's connector is listed.
    await page.getByRole('link', { name: 'Acme CRM', exact: true }).waitFor({ timeout: consoleTimeout });
  });

  it('creates a connector for the demo service and sets its client credentials', async () => {
    const demo = stack.demo;
    await page.getByRole('link', { name: 'Create connector' }).click();
    await expectHeading(page, 'Create connector');
    const form = page.getByRole('form', { name: 'Create connector' });
    await form.getByLabel('Name (required)', { exact: true }).fill('Acme CRM (console)');
    await form.getByLabel('API name (required)', { exact: true }).fill(connector);
    await form.getByLabel('Service name (required)', { exact: true }).fill('Acme CRM');
    await form.getByLabel('Description', { exact: true }).fill('Contacts of the demo CRM, set up in the console.');
    await form.getByLabel('Request Token URL (authorization URL) (required)', { exact: true }).fill(demo.authorizationUrl);
    await form.getByLabel('Access Token URL (required)', { exact: true }).fill(demo.tokenUrl);
    await form.getByLabel('Revoke Token URL', { exact: true }).fill(demo.revocationUrl);
    await form.getByLabel('Token sent to revoke', { exact: true }).selectOption('refresh_token');
    await form.getByLabel('Issuer', { exact: true }).fill(demo.issuer);
    await form.getByLabel('Scopes', { exact: true }).fill(demo.scopes.join(' '));
    await form.getByLabel('Extra authorization parameters', { exact: true }).fill(Object.entries(demo.authorizationParams).map(([name, value]) => `${name}=${value}`).join('\n'));
    await expectNoSeriousAxeViolations(page, 'the create connector form (filled)');
    await form.getByRole('button', { name: 'Create connector' }).click();

    // Right after save: the Client Credentials dialog, with the redirect URL of this server.
    const dialog = page.getByRole('dialog', { name: 'Client credentials' });
    await dialog.waitFor({ timeout: consoleTimeout });
    const redirectUrl = await dialog.getByLabel('Redirect URL', { exact: true }).inputValue();
    expect(redirectUrl).toBe(`${stack.url}/v1/oauth/callback`);
    expect(redirectUrl).toBe(stack.server.redirectUrl);
    await dialog.getByRole('button', { name: 'Copy redirect URL' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the Client Credentials dialog');
    await saveScreenshot(page, 'builder-client-credentials-dialog');
    // The quick start's OAuth client at the demo: it registered exactly this redirect URL.
    await dialog.getByLabel('Client ID (required)', { exact: true }).fill(stack.demoClient.clientId);
    await dialog.getByLabel('Client secret (required)', { exact: true }).fill(stack.demoClient.clientSecret);
    await dialog.getByRole('button', { name: 'Save credentials' }).click();

    await page.waitForURL(`${stack.url}/connectors/${connector}`, { timeout: consoleTimeout });
    await expectHeading(page, 'Acme CRM (console)');
    await page.getByText('Credentials set', { exact: true }).waitFor({ timeout: consoleTimeout });

    // What the console created, read back through the API.
    const created = await stack.api('GET', `/v1/connectors/${connector}`);
    expect(created.body).toMatchObject({
      apiName: connector,
      authorizationUrl: demo.authorizationUrl,
      tokenUrl: demo.tokenUrl,
      revokeUrl: demo.revocationUrl,
      revokeUsing: 'refresh_token',
      issuer: demo.issuer,
      scopes: demo.scopes,
      authorizationParams: demo.authorizationParams,
      credentialsSet: true,
      redirectUrl,
    });
    const credentials = await stack.api('GET', `/v1/connectors/${connector}/credentials`);
    expect(credentials.body).toMatchObject({ clientId: stack.demoClient.clientId, clientSecretSet: true });
    expect(JSON.stringify(credentials.body)).not.toContain(stack.demoClient.clientSecret);
  });

  it('adds two APIs in the APIs pane: list contacts and create contact', async () => {
    const demo = stack.demo;
    const apis = page.getByRole('region', { name: 'APIs', exact: true });
    await apis.getByRole('button', { name: 'Add API' }).first().click();

    let editor = page.getByRole('form', { name: 'New API' });
    await editor.getByLabel('Name (required)', { exact: true }).fill('List contacts');
    await editor.getByLabel('API name', { exact: true }).fill('listcontacts');
    await editor.getByLabel('Method (required)', { exact: true }).selectOption('GET');
    await editor.getByLabel('URL (required)', { exact: true }).fill(`${demo.apiBaseUrl}/contacts`);
    await editor.getByRole('button', { name: 'Create API' }).click();
    await page.getByRole('form', { name: 'Edit List contacts' }).waitFor({ timeout: consoleTimeout });

    await apis.getByRole('button', { name: 'Add API' }).first().click();
    editor = page.getByRole('form', { name: 'New API' });
    await editor.getByLabel('Name (required)', { exact: true }).fill('Create contact');
    await editor.getByLabel('API name', { exact: true }).fill('createcontact');
    await editor.getByLabel('Method (required)', { exact: true }).selectOption('POST');
    await editor.getByLabel('URL (required)', { exact: true }).fill(`${demo.apiBaseUrl}/contacts`);
    await editor.getByLabel('Body type', { exact: true }).selectOption('json');
    await editor.getByLabel('Body template', { exact: true }).fill('{"First_Name": "${First_Name}", "Last_Name": "${Last_Name}", "Email_ID": "${Email_ID}"}');
    // The placeholders the template declares are listed as they are typed.
    const placeholders = editor.getByRole('region', { name: 'Placeholders', exact: true });
    await expect.poll(() => placeholders.textContent(), poll).toMatch(/First_Name[\s\S]*Last_Name[\s\S]*Email_ID/);
    await editor.getByRole('button', { name: 'Create API' }).click();
    await page.getByRole('form', { name: 'Edit Create contact' }).waitFor({ timeout: consoleTimeout });
    expect(page.url()).toContain('api=createcontact');

    const pane = page.getByRole('navigation', { name: 'APIs of Acme CRM (console)' });
    const listed = await pane.getByRole('link').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed.join('\n')).toMatch(/List contacts/);
    expect(listed.join('\n')).toMatch(/Create contact/);
    const saved = await stack.api('GET', `/v1/connectors/${connector}/apis`);
    expect(saved.body.items.map((api: { identifier: string; method: string }) => `${api.method} ${api.identifier}`).sort()).toEqual([`GET ${connector}.listcontacts`, `POST ${connector}.createcontact`]);
  });

  it('authorizes org dev through the consent popup (as alice); the status updates without a reload', async () => {
    const section = page.getByRole('region', { name: 'Connection for testing', exact: true });
    const status = () => section.locator('.fact', { hasText: 'Status in org dev' }).locator('.badge').first().textContent();
    await expect.poll(status, poll).toBe('Not authorized');
    const urlBefore = page.url();
    await authorizeInDemoPopup(page, section.getByRole('button', { name: 'Authorize connector' }), { username: 'alice', password: 'wonderland' });
    await expect.poll(status, poll).toBe('Authorized');
    await section.getByRole('button', { name: 'Re-authorize connector' }).waitFor({ timeout: consoleTimeout });
    expect(page.url()).toBe(urlBefore);
    expect((await stack.api('GET', `/v1/orgs/dev/connections/${connector}`)).body.status).toBe('authorized');
  });

  it('executes create contact with variables and shows the response code 201 and the body', async () => {
    const run = page.getByRole('form', { name: `Execute ${connector}.createcontact` });
    await run.getByLabel('First_Name', { exact: true }).fill('Ada');
    await run.getByLabel('Last_Name', { exact: true }).fill('Lovelace');
    await run.getByLabel('Email_ID', { exact: true }).fill('ada@example.com');
    await run.getByRole('button', { name: 'Run' }).click();
    const response = page.getByRole('region', { name: 'Response', exact: true });
    await response.waitFor({ timeout: consoleTimeout });
    expect(await response.locator('.response-status').textContent()).toBe('201');
    const body = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
    expect(body).toMatchObject({ First_Name: 'Ada', Last_Name: 'Lovelace', Email_ID: 'ada@example.com', id: expect.any(String) });
    // The contact exists at the demo: list it through the other API.
    const listed = await stack.api('POST', `/v1/orgs/dev/invoke/${connector}.listcontacts`, {});
    expect(JSON.stringify(listed.body.body)).toContain(body.id);
    await waitForSettledPage(page);
    await expectNoSeriousAxeViolations(page, 'the connector page with an executed API');
    await saveScreenshot(page, 'builder-connector-executed');
    await dismissToasts(page);
    await response.scrollIntoViewIfNeeded();
    await saveViewportScreenshot(page, 'readme-builder-connector-executed');
  });

  it('publishes with a logo and sees version 1 in the versions list', async () => {
    const logoPath = join(tempDir, 'crm-logo.png');
    writeFileSync(logoPath, logoPng);
    const publishing = page.getByRole('region', { name: 'Versions', exact: true });
    await publishing.getByRole('button', { name: 'Publish new version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish Acme CRM (console)' });
    await dialog.waitFor({ timeout: consoleTimeout });
    await dialog.getByLabel('Logo (required)', { exact: true }).setInputFiles(logoPath);
    // The preview shows the real file, decoded by the browser.
    const preview = dialog.getByRole('img', { name: 'Preview of crm-logo.png' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), poll).toBe(16);
    await dialog.getByLabel('Support email (required)', { exact: true }).fill('support@crm.example');
    await dialog.getByLabel('Release notes (required)', { exact: true }).fill('Contacts: list and create.');
    await expectNoSeriousAxeViolations(page, 'the publish dialog');
    await saveScreenshot(page, 'builder-publish-dialog');
    await dialog.getByRole('button', { name: 'Publish version' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: consoleTimeout });
    const versionsTable = publishing.getByRole('table', { name: 'Published versions of Acme CRM (console)' });
    await versionsTable.waitFor({ timeout: consoleTimeout });
    const rows = versionsTable.getByRole('row');
    expect(await rows.count()).toBe(2);
    const row = (await rows.nth(1).textContent()) ?? '';
    expect(row).toContain('v1');
    expect(row).toContain('Contacts: list and create.');
    expect(row).toContain('support@crm.example');
    // The published logo, served back through the console's session.
    const published = versionsTable.getByRole('img', { name: 'Acme CRM (console) v1 logo' });
    await expect.poll(() => published.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), poll).toBe(16);

    const versions = await stack.api('GET', `/v1/connectors/${connector}/versions`);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([1]);
    const version = await stack.api('GET', `/v1/connectors/${connector}/versions/1`);
    expect(version.body).toMatchObject({ supportEmail: 'support@crm.example', releaseNotes: 'Contacts: list and create.', logoUrl: expect.any(String) });
    const logo = await fetch(`${stack.url}/v1/connectors/${connector}/versions/1/logo`, { headers: { authorization: `Bearer ${stack.adminKey}` } });
    expect(Buffer.from(await logo.arrayBuffer()).equals(logoPng)).toBe(true);
  });

  it('creates a solution, associates the connector at version 1 and cuts release 1.0.0', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Solutions' }).click();
    await expectHeading(page, 'Solutions');
    await page.getByRole('button', { name: 'Create solution' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create solution' });
    await create.getByLabel('Name (required)', { exact: true }).fill('CRM suite');
    expect(await create.getByLabel('API name (required)', { exact: true }).inputValue()).toBe('crm_suite');
    await create.getByLabel('Description', { exact: true }).fill('Contacts from Acme CRM.');
    await create.getByRole('button', { name: 'Create solution' }).click();
    await page.waitForURL(`${stack.url}/solutions/crm_suite`, { timeout: consoleTimeout });
    await expectHeading(page, 'CRM suite');

    await page.getByRole('region', { name: 'Connectors', exact: true }).getByRole('button', { name: 'Associate connector' }).first().click();
    const associate = page.getByRole('dialog', { name: 'Associate connector' });
    await associate.getByLabel('Connector (required)', { exact: true }).selectOption(connector);
    const version = associate.getByLabel('Version (required)', { exact: true });
    await version.waitFor({ timeout: consoleTimeout });
    expect(await version.inputValue()).toBe('1');
    await associate.getByRole('button', { name: 'Associate', exact: true }).click();
    await associate.waitFor({ state: 'hidden', timeout: consoleTimeout });
    const pinned = page.getByRole('table', { name: 'Connectors of CRM suite' });
    await pinned.waitFor({ timeout: consoleTimeout });
    expect(await pinned.getByRole('row').nth(1).textContent()).toContain('v1');

    await page.getByRole('region', { name: 'Releases', exact: true }).getByRole('button', { name: 'Cut release' }).first().click();
    const cut = page.getByRole('dialog', { name: 'Cut release' });
    await cut.getByLabel('Version (required)', { exact: true }).fill('1.0.0');
    await cut.getByLabel('Notes', { exact: true }).fill('First release: Acme CRM contacts.');
    await expectNoSeriousAxeViolations(page, 'the cut release dialog');
    await cut.getByRole('button', { name: 'Cut release' }).click();
    await cut.waitFor({ state: 'hidden', timeout: consoleTimeout });
    const releases = page.getByRole('table', { name: 'Releases of CRM suite, newest first' });
    await releases.waitFor({ timeout: consoleTimeout });
    const row = await releases.getByRole('row').nth(1).textContent();
    expect(row).toContain('1.0.0');
    expect(row).toContain(`${connector} v1`);
    await saveScreenshot(page, 'builder-solution-released');

    const release = await stack.api('GET', '/v1/solutions/crm_suite/releases/1.0.0');
    expect(release.body).toMatchObject({ solution: 'crm_suite', version: '1.0.0', notes: 'First release: Acme CRM contacts.', connectors: [{ connector, version: 1 }] });
  });

  it('left no errors in the page and no secrets in the server log', () => {
    expect(errors).toEqual([]);
    expect(stack.logs()).not.toContain(stack.demoClient.clientSecret);
  });
});
