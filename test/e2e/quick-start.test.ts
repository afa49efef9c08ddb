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
});
