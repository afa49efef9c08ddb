import type { ConnectionView, InstallationView } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, TEST_LOGO_PNG_BASE64, type TestEnvironment } from './testing/test-environment.js';

/**
 * What the subscriber pages of the console read and do with an org key: the org's installations
 * (with the release an upgrade would bring) and upgrading them, and the checklist with each
 * connector's name, description and logo as the org shows it.
 */

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#08f"/></svg>';
const APP = 'https://app.example.com';

describe.each(testDatabases())('subscriber console reads on $name', (database) => {
  let env: TestEnvironment;
  const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
  });

  afterAll(async () => {
    await env?.close();
  });

  /** Publish the connector's draft with an SVG logo; returns the version. */
  const publishSvg = async (connector: string): Promise<number> => {
    const published = await env.request<{ version: number }>('POST', `/v1/connectors/${connector}/publish`, {
      logo: `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`,
      supportEmail: 'support@acme.example',
      releaseNotes: 'SVG logo.',
    });
    expect(published.status, published.text).toBe(201);
    return published.body.version;
  };

  const cutRelease = async (solution: string, pins: Record<string, number>, version: string) => {
    for (const [connector, pinned] of Object.entries(pins)) {
      expect((await env.request('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version: pinned })).status).toBe(200);
    }
    const cut = await env.request('POST', `/v1/solutions/${solution}/releases`, { version });
    expect(cut.status, cut.text).toBe(201);
  };

  it('an org key lists its org’s installations with the newer release available, and upgrades them; install and uninstall stay admin-only', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const { solution, release } = await env.install(org, [connector]);
    const { key, id: keyId } = await env.orgKey(org, 'subscriber admin');
    const other = await env.newOrg({ connectors: [] });
    const { key: otherKey } = await env.orgKey(other);

    const listed = await env.request<{ items: InstallationView[] }>('GET', `/v1/orgs/${org}/installations`, undefined, bearer(key));
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toEqual([{ solution, release, connectors: [{ connector, version: 1 }], installedAt: expect.any(String), updatedAt: expect.any(String), availableRelease: null }]);
    expectProblem(await env.request('GET', `/v1/orgs/${org}/installations`, undefined, bearer(otherKey)), 404, 'not_found');

    // A newer release: shown to the org key and the admin alike.
    const version = await env.publish(connector);
    await cutRelease(solution, { [connector]: version }, '1.1.0');
    for (const options of [bearer(key), {}]) {
      const again = await env.request<{ items: InstallationView[] }>('GET', `/v1/orgs/${org}/installations`, undefined, options);
      expect(again.body.items[0]!.availableRelease).toBe('1.1.0');
    }

    // Upgrading: the org's own key may; another org's may not (404); the event names the key.
    expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' }, bearer(otherKey)), 404, 'not_found');
    const upgraded = await env.request<InstallationView>('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' }, bearer(key));
    expect(upgraded.status, upgraded.text).toBe(200);
    expect(upgraded.body).toMatchObject({ solution, release: '1.1.0', connectors: [{ connector, version }], availableRelease: null });
    const events = await env.server.store.events.list({ orgId: org, type: 'installation.upgraded', limit: 5 });
    expect(events[0]).toMatchObject({ actor: { kind: 'org_key', keyId }, data: { fromRelease: '1.0.0', toRelease: '1.1.0' } });
    expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.0.0' }, bearer(key)), 409, 'downgrade_refused');
    expect((await env.request<{ items: InstallationView[] }>('GET', `/v1/orgs/${org}/installations`, undefined, bearer(key))).body.items[0]).toMatchObject({
      release: '1.1.0',
      availableRelease: null,
    });

    // Installing and uninstalling remain the admin's.
    expectProblem(await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release: '1.1.0' }, bearer(key)), 403, 'forbidden');
    expectProblem(await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`, undefined, bearer(key)), 403, 'forbidden');
    expect((await env.request<{ items: unknown[] }>('GET', `/v1/orgs/${org}/installations`)).body.items).toHaveLength(1);
  });

  it('the checklist names each connector, with the logo of the installed version (subscriber) or the latest published one (dev)', async () => {
    const connector = await env.newConnector({ description: 'Contacts for the console test.' });
    // v1: the PNG, installed in the subscriber org; v2: an SVG, the latest published.
    const org = await env.newOrg({ connectors: [connector] });
    expect(await publishSvg(connector)).toBe(2);
    const { key } = await env.orgKey(org);

    const logoUrl = `/v1/orgs/${org}/connections/${connector}/logo`;
    const listed = await env.request<{ items: ConnectionView[] }>('GET', `/v1/orgs/${org}/connections`, undefined, bearer(key));
    expect(listed.body.items).toEqual([
      expect.objectContaining({ connector, name: expect.stringMatching(/^Acme \d+$/), description: 'Contacts for the console test.', logoUrl, version: 1, status: 'not_authorized' }),
    ]);
    expect(await env.connection(org, connector)).toMatchObject({ logoUrl, version: 1 });

    // The installed version's logo: the PNG, with the defensive headers; the org key, an SDK session and the admin alike.
    const png = Buffer.from(TEST_LOGO_PNG_BASE64, 'base64');
    const { token } = await env.session(org, { key, allowedOrigins: [APP] });
    for (const headers of [{ authorization: `Bearer ${key}` }, { authorization: `Bearer ${token}`, origin: APP }, {}] as Array<Record<string, string>>) {
      const response = await fetch(`${env.server.url}${logoUrl}`, { headers: { authorization: `Bearer ${env.server.adminKey}`, ...headers } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(response.headers.get('access-control-allow-origin')).toBe('origin' in headers ? APP : null);
    }

    // Org dev (drafts) shows the latest published version's logo: the SVG.
    const dev = await env.connection('dev', connector);
    expect(dev).toMatchObject({ connector, name: expect.any(String), description: 'Contacts for the console test.', logoUrl: `/v1/orgs/dev/connections/${connector}/logo`, version: null });
    const devLogo = await fetch(`${env.server.url}/v1/orgs/dev/connections/${connector}/logo`, { headers: { authorization: `Bearer ${env.server.adminKey}` } });
    expect(devLogo.headers.get('content-type')).toBe('image/svg+xml');
    expect(await devLogo.text()).toBe(SVG);

    // An upgrade to v2 changes the subscriber's logo too.
    const { solution } = (await env.request<{ items: InstallationView[] }>('GET', `/v1/orgs/${org}/installations`)).body.items[0]!;
    await cutRelease(solution, { [connector]: 2 }, '1.1.0');
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' }, bearer(key))).status).toBe(200);
    const upgradedLogo = await fetch(`${env.server.url}${logoUrl}`, { headers: { authorization: `Bearer ${key}` } });
    expect(upgradedLogo.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('no logo to show: a never-published draft in dev is null and 404; a connector the org has not installed is 404 connector_not_installed', async () => {
    // No description: the field is left out of the create request.
    const draft = await env.newConnector({ description: undefined });
    const dev = await env.connection('dev', draft);
    expect(dev).toMatchObject({ connector: draft, description: null, logoUrl: null });
    expectProblem(await env.request('GET', `/v1/orgs/dev/connections/${draft}/logo`), 404, 'not_found');

    const org = await env.newOrg({ connectors: [] });
    expectProblem(await env.request('GET', `/v1/orgs/${org}/connections/${draft}/logo`), 404, 'connector_not_installed');
    const { key } = await env.orgKey(org);
    const foreign = await env.newOrg({ connectors: [] });
    expectProblem(await env.request('GET', `/v1/orgs/${foreign}/connections/${draft}/logo`, undefined, bearer(key)), 404, 'not_found');
    // A session limited to other connectors may not read this one's logo either.
    const { token } = await env.session(org, { key, allowedOrigins: [APP], connectors: ['other_connector'] });
    expectProblem(await env.request('GET', `/v1/orgs/${org}/connections/${draft}/logo`, undefined, { headers: { authorization: `Bearer ${token}`, origin: APP } }), 403, 'forbidden');
  });
});
