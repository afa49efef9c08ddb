import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeConsentHeadlessly } from '@switchboard/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's quick start as a person runs it: the `switchboard start` bin with the demo, then
 * the printed authorize link and curl commands. Ports are ephemeral so tests never collide.
 */
describe('switchboard start (quick start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-quickstart-'));
  let child: ChildProcess;
  let output = '';

  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
      };
      child.stdout?.on('data', check);
      child.on('exit', (code) => reject(new Error(`exited with ${code}; output:\n${output}`)));
      check();
    });

  beforeAll(async () => {
    child = spawn(process.execPath, ['apps/cli/bin/switchboard.js', 'start', '--port', '0', '--demo-port', '0', '--data-dir', dataDir, '--log-level', 'warn'], {
      env: { PATH: process.env['PATH'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(/Press Ctrl\+C to stop/);
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the API URL, the admin key and an authorize link that leads to a working invoke', async () => {
    const api = output.match(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/)?.[1];
    const key = output.match(/Admin key\s+(sbk_[A-Za-z0-9_-]+)/)?.[1];
    const link = output.match(/^\s+(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m)?.[1];
    expect(api).toBeDefined();
    expect(key).toBeDefined();
    expect(link).toBeDefined();
    // The generated admin key is kept private in the data dir.
    expect(statSync(join(dataDir, 'admin-key')).mode & 0o777).toBe(0o600);

    const callback = await completeConsentHeadlessly(link!, { username: 'alice', password: 'wonderland' });
    const page = await fetch(callback);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Connected');

    const auth = { authorization: `Bearer ${key}` };
    const invoked = await fetch(`${api}/v1/orgs/dev/invoke/acme.listcontacts`, { method: 'POST', headers: auth });
    expect(invoked.status).toBe(200);
    const result = (await invoked.json()) as { status: number; body: { contacts: unknown[] } };
    expect(result.status).toBe(200);
    expect(result.body.contacts.length).toBeGreaterThan(0);

    const created = await fetch(`${api}/v1/orgs/dev/invoke/acme.createcontact`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ First_Name: 'Alfred', Last_Name: 'Little', Email_ID: 'alfred@example.com', Phone_Number: '' }),
    });
    expect(((await created.json()) as { status: number }).status).toBe(201);

    const revoked = await fetch(`${api}/v1/orgs/dev/connections/acme`, { method: 'DELETE', headers: auth });
    expect(await revoked.json()).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
  });

  it('prints the console and sample widget URLs, and serves both (built by `npm run build`, which `npm start` runs first)', async () => {
    const consoleUrl = output.match(/Console\s+(http:\/\/127\.0\.0\.1:\d+\/)\s/)?.[1];
    const widgetUrl = output.match(/Sample widget\s+(http:\/\/127\.0\.0\.1:\d+\/widgets\/sample)\s/)?.[1];
    expect(consoleUrl).toBeDefined();
    expect(widgetUrl).toBeDefined();
    const page = await fetch(consoleUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    // The entry script the page names is served (hashed, immutable).
    const entry = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(entry).toBeDefined();
    const script = await fetch(new URL(entry!, consoleUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    const widget = await fetch(widgetUrl!);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toContain('/sdk/switchboard.global.js');
  });

  it('sets up a subscriber org with the published connector installed, usable with an org key of its own', async () => {
    const api = output.match(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/)?.[1];
    const key = output.match(/Admin key\s+(sbk_[A-Za-z0-9_-]+)/)?.[1];
    expect(output).toMatch(/org acme-customer has solution acme_crm 1\.0\.0 installed/);
    const created = await fetch(`${api}/v1/orgs/acme-customer/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'subscriber admin' }),
    });
    expect(created.status).toBe(201);
    const orgKey = ((await created.json()) as { key: string }).key;
    const auth = { authorization: `Bearer ${orgKey}` };

    const checklist = (await (await fetch(`${api}/v1/orgs/acme-customer/connections`, { headers: auth })).json()) as { items: Array<Record<string, unknown>> };
    expect(checklist.items).toEqual([expect.objectContaining({ connector: 'acme', status: 'not_authorized', solutions: ['acme_crm'], version: 1 })]);
    const started = await fetch(`${api}/v1/orgs/acme-customer/connections/acme/authorize`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    const { authorizationUrl } = (await started.json()) as { authorizationUrl: string };
    const page = await fetch(await completeConsentHeadlessly(authorizationUrl, { username: 'bob', password: 'builder' }));
    expect(page.status).toBe(200);
    const invoked = await fetch(`${api}/v1/orgs/acme-customer/invoke/acme.listcontacts`, { method: 'POST', headers: auth });
    expect(((await invoked.json()) as { status: number }).status).toBe(200);
    // The org key is for its own org only.
    expect((await fetch(`${api}/v1/orgs/dev/connections`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${api}/v1/connectors`, { headers: auth })).status).toBe(403);
  });

  it('refuses a second server on the same SQLite data dir, naming the owner and the way out', () => {
    const second = spawnSync(process.execPath, ['apps/cli/bin/switchboard.js', 'start', '--no-demo', '--port', '0', '--data-dir', dataDir], {
      env: { PATH: process.env['PATH'] ?? '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Another Switchboard process \\(pid ${child.pid}\\)`));
    expect(second.stderr).toContain('SWITCHBOARD_DATABASE_URL');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('starts again on the same data: the demo moved ports, so acme is republished and the subscriber upgraded', async () => {
    output = '';
    child = spawn(process.execPath, ['apps/cli/bin/switchboard.js', 'start', '--port', '0', '--demo-port', '0', '--data-dir', dataDir, '--log-level', 'warn'], {
      env: { PATH: process.env['PATH'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(/Press Ctrl\+C to stop/);
    expect(output).toMatch(/org acme-customer has solution acme_crm 1\.0\.1 installed/);
    const api = output.match(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/)?.[1];
    const key = output.match(/Admin key\s+(sbk_[A-Za-z0-9_-]+)/)?.[1];
    const checklist = (await (await fetch(`${api}/v1/orgs/acme-customer/connections`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      items: Array<Record<string, unknown>>;
    };
    // The endpoints changed (new demo port): the earlier consent does not cover them.
    expect(checklist.items).toEqual([expect.objectContaining({ connector: 'acme', status: 'needs_reauthorization', version: 2 })]);
  });
});
