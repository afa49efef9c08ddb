import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectionView, EventPage, InstallationView } from '@switchboard/contracts';
import type { EchoResponse } from '@switchboard/demo';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, DEMO_CLIENT, type TestEnvironment } from './testing/test-environment.js';

/**
 * Subscriber orgs end to end: installing solution releases, the org's checklist, org scoping of
 * every connection route, version immutability, upgrades with and without a new consent, and
 * uninstalling (revoked at the real oidc-provider demo). Every test uses a connector and an org
 * of its own, so tests cannot see each other's installations or connections.
 */
describe.each(testDatabases())('installations on $name', (database) => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
  });

  afterAll(async () => {
    await env?.close();
  });

  /** Pin each connector at its version in an existing solution and cut `version`. */
  const cutRelease = async (solution: string, pins: Record<string, number>, version: string) => {
    for (const [connector, pinned] of Object.entries(pins)) {
      expect((await env.request('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version: pinned })).status).toBe(200);
    }
    const cut = await env.request('POST', `/v1/solutions/${solution}/releases`, { version });
    expect(cut.status, cut.text).toBe(201);
  };

  const checklist = async (org: string) => {
    const listed = await env.request<{ items: ConnectionView[] }>('GET', `/v1/orgs/${org}/connections`);
    expect(listed.status, listed.text).toBe(200);
    return listed.body.items;
  };

  const events = async (org: string, type: string) => {
    const page = await env.request<EventPage>('GET', `/v1/orgs/${org}/events?type=${type}`);
    expect(page.status, page.text).toBe(200);
    return page.body.items;
  };

  const echo = async (org: string, connector: string) => {
    const invoked = await env.request<{ status: number; body: EchoResponse }>('POST', `/v1/orgs/${org}/invoke/${connector}.echo`, { path: 'x', q: 'hi', note: 'n', text: 't' });
    expect(invoked.status, invoked.text).toBe(200);
    return invoked.body.body;
  };

  /** A connector of the test's own, installed at a fresh version in a fresh org, authorized there. */
  const installedAndAuthorized = async (overrides: Record<string, unknown> = {}) => {
    const connector = await env.newConnector(overrides);
    const org = await env.newOrg({ connectors: [] });
    const { solution } = await env.install(org, [connector]);
    expect((await env.authorize(org, connector)).status).toBe(200);
    return { connector, org, solution };
  };

  it('installs a release: the connector joins the checklist, not authorized, with its solution and version', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    expect((await checklist(org)).map((item) => item.connector)).toEqual([]);

    const { solution, release } = await env.install(org, [connector]);
    expect(await checklist(org)).toEqual([
      {
        connector,
        name: expect.stringMatching(/^Acme \d+$/),
        description: 'The bundled demo CRM: contacts and file uploads behind OAuth 2.0.',
        // The installed version was published with a logo.
        logoUrl: `/v1/orgs/${org}/connections/${connector}/logo`,
        status: 'not_authorized',
        scopes: [],
        authorizedAt: null,
        expiresAt: null,
        lastRefreshedAt: null,
        lastError: null,
        solutions: [solution],
        version: 1,
      },
    ]);
    const listed = await env.request<{ items: InstallationView[] }>('GET', `/v1/orgs/${org}/installations`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      { solution, release, connectors: [{ connector, version: 1 }], installedAt: expect.any(String), updatedAt: expect.any(String), availableRelease: null },
    ]);

    // Once per org; a missing release, solution or org is 404; org `dev` takes no installations.
    expectProblem(await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release }), 409, 'conflict');
    expectProblem(await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release: '9.9.9' }), 404, 'not_found');
    expectProblem(await env.request('POST', `/v1/orgs/${org}/installations`, { solution: 'no_such_solution', release }), 404, 'not_found');
    expectProblem(await env.request('POST', '/v1/orgs/no-such-org/installations', { solution, release }), 404, 'not_found');
    expectProblem(await env.request('POST', '/v1/orgs/dev/installations', { solution, release }), 409, 'conflict');
    expectProblem(await env.request('POST', `/v1/orgs/${org}/installations`, { solution, release: 'v1' }), 400, 'validation_failed');

    const installed = await events(org, 'installation.installed');
    expect(installed).toHaveLength(1);
    expect(installed[0]).toMatchObject({ actor: { kind: 'admin' }, data: { solution, release, connectors: [{ connector, version: 1 }] } });
  });

  it('answers authorize, status, revoke and invoke on a connector the org has not installed with 404 connector_not_installed', async () => {
    const installed = await env.newConnector();
    const other = await env.newConnector();
    const org = await env.newOrg({ connectors: [installed] });
    // Whether or not a connector of that name exists, the answer is the same.
    for (const connector of [other, 'no_such_connector']) {
      const routes = [
        env.request('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, {}),
        env.request('GET', `/v1/orgs/${org}/connections/${connector}`),
        env.request('DELETE', `/v1/orgs/${org}/connections/${connector}`),
        env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {}),
      ];
      for (const response of await Promise.all(routes)) expectProblem(response, 404, 'connector_not_installed');
    }
    expect((await checklist(org)).map((item) => item.connector)).toEqual([installed]);
    // Org `dev` sees every draft; an unknown name there is plain not_found.
    expect((await env.request('GET', `/v1/orgs/dev/connections/${other}`)).status).toBe(200);
    expectProblem(await env.request('GET', '/v1/orgs/dev/connections/no_such_connector'), 404, 'not_found');
  });

  it('keeps invoking the installed version after the draft changes, and uses the new definitions at once after a compatible upgrade', async () => {
    const { connector, org, solution } = await installedAndAuthorized();
    const edited = await env.request('PATCH', `/v1/connectors/${connector}/apis/echo`, { query: { q: '${q}', edition: 'two' } });
    expect(edited.status, edited.text).toBe(200);

    // Version immutability: the org still calls the published definition, as the echo shows.
    expect((await echo(org, connector)).query).toEqual({ q: 'hi' });

    const version = await env.publish(connector);
    await cutRelease(solution, { [connector]: version }, '1.1.0');
    const upgraded = await env.request<InstallationView>('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' });
    expect(upgraded.status, upgraded.text).toBe(200);
    expect(upgraded.body).toMatchObject({ solution, release: '1.1.0', connectors: [{ connector, version }] });

    const status = await env.connection(org, connector);
    expect(status).toMatchObject({ status: 'authorized', version, lastError: null });
    expect((await env.storedConnection(org, connector))?.consentedVersion).toBe(version);
    expect((await echo(org, connector)).query).toEqual({ q: 'hi', edition: 'two' });

    const upgradedEvents = await events(org, 'installation.upgraded');
    expect(upgradedEvents).toHaveLength(1);
    expect(upgradedEvents[0]).toMatchObject({ data: { solution, fromRelease: '1.0.0', toRelease: '1.1.0', reauthorizationRequired: [] } });
    expect(await events(org, 'connection.reauthorization_required')).toEqual([]);
  });

  it('requires re-authorization when an upgrade adds a scope, and refuses to invoke until then', async () => {
    const scopes = env.demo.scopes.filter((scope) => scope !== 'files:write');
    const { connector, org, solution } = await installedAndAuthorized({ scopes });
    expect((await env.request('PATCH', `/v1/connectors/${connector}`, { scopes: env.demo.scopes })).status).toBe(200);
    const version = await env.publish(connector);
    await cutRelease(solution, { [connector]: version }, '2.0.0');
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '2.0.0' })).status).toBe(200);

    const status = await env.connection(org, connector);
    expect(status.status).toBe('needs_reauthorization');
    expect(status.lastError).toMatchObject({ code: 'scopes_changed' });
    expect(status.lastError!.message).toContain('files:write');
    // Kept so they can still be revoked where they were issued; never used.
    expect((await env.storedConnection(org, connector))?.consentedVersion).toBe(1);
    expectProblem(await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {}), 409, 'needs_reauthorization');

    const required = await events(org, 'connection.reauthorization_required');
    expect(required).toHaveLength(1);
    expect(required[0]).toMatchObject({ connector, data: { reason: 'scopes_changed', fromVersion: 1, toVersion: version, addedScopes: ['files:write'] } });

    // Authorizing again consents to the new version.
    expect((await env.authorize(org, connector)).status).toBe(200);
    expect(await env.connection(org, connector)).toMatchObject({ status: 'authorized', lastError: null, version });
    expect((await env.storedConnection(org, connector))?.consentedVersion).toBe(version);
    expect((await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.listcontacts`, {})).status).toBe(200);
  });

  it('checks a flow that finishes after an upgrade against the new version', async () => {
    const scopes = env.demo.scopes.filter((scope) => scope !== 'files:write');
    const connector = await env.newConnector({ scopes });
    const org = await env.newOrg({ connectors: [] });
    const { solution } = await env.install(org, [connector]);
    // The user is at the provider, consenting to version 1, while version 2 (one more scope) is installed.
    const { callback } = await env.consent(org, connector);
    expect((await env.request('PATCH', `/v1/connectors/${connector}`, { scopes: env.demo.scopes })).status).toBe(200);
    await cutRelease(solution, { [connector]: await env.publish(connector) }, '1.1.0');
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.1.0' })).status).toBe(200);

    expect((await fetch(callback, { redirect: 'manual', headers: { accept: 'application/json' } })).status).toBe(200);
    expect((await env.connection(org, connector)).lastError).toMatchObject({ code: 'scopes_changed' });
    expect((await env.storedConnection(org, connector))?.consentedVersion).toBe(1);
  });

  it('requires re-authorization when an upgrade sends tokens to a new origin', async () => {
    const { connector, org, solution } = await installedAndAuthorized();
    // The same demo under another name is another origin (RFC 6454): the user never agreed to it.
    const elsewhere = env.demo.apiBaseUrl.replace('127.0.0.1', 'localhost');
    const added = await env.request('POST', `/v1/connectors/${connector}/apis`, { name: 'Elsewhere', apiName: 'elsewhere', method: 'GET', url: `${elsewhere}/contacts` });
    expect(added.status, added.text).toBe(201);
    const version = await env.publish(connector);
    await cutRelease(solution, { [connector]: version }, '1.0.1');
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.0.1' })).status).toBe(200);

    const status = await env.connection(org, connector);
    expect(status.status).toBe('needs_reauthorization');
    expect(status.lastError).toMatchObject({ code: 'endpoints_changed' });
    expectProblem(await env.request('POST', `/v1/orgs/${org}/invoke/${connector}.elsewhere`, {}), 409, 'needs_reauthorization');
    const [required] = await events(org, 'connection.reauthorization_required');
    expect(required).toMatchObject({ connector, data: { reason: 'endpoints_changed', changed: ['apis.elsewhere'] } });

    // Revoking still works: at the revocation endpoint of the version the user consented to.
    const { refreshToken } = await env.storedTokens(org, connector);
    const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/${connector}`);
    expect(revoked.body).toEqual({ status: 'not_authorized', providerRevocation: 'succeeded' });
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
  });

  it('refuses a downgrade with 409 downgrade_refused; the same release again is a no-op', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const { solution } = await env.install(org, [connector]);
    await cutRelease(solution, { [connector]: await env.publish(connector) }, '1.2.0');
    expect((await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.2.0' })).status).toBe(200);

    const refused = expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.0.0' }), 409, 'downgrade_refused');
    expect(refused).toMatchObject({ installed: '1.2.0', requested: '1.0.0' });
    const again = await env.request<InstallationView>('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.2.0' });
    expect(again.status).toBe(200);
    expect(again.body.release).toBe('1.2.0');
    expect(await events(org, 'installation.upgraded')).toHaveLength(1);
    expect((await checklist(org))[0]).toMatchObject({ connector, version: 2 });

    expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '7.0.0' }), 404, 'not_found');
    const stranger = await env.newOrg({ connectors: [] });
    expectProblem(await env.request('PUT', `/v1/orgs/${stranger}/installations/${solution}`, { release: '1.2.0' }), 404, 'not_found');
    expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/Not%20A%20Name`, { release: '1.2.0' }), 404, 'not_found');
    expectProblem(await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '1.2.0', extra: 1 }), 400, 'validation_failed');
  });

  it('takes the highest version when two solutions bring one connector', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const first = await env.install(org, [connector]);
    const second = await env.install(org, [connector]);
    expect((await checklist(org))[0]).toMatchObject({ connector, version: 2, solutions: [first.solution, second.solution].sort() });
  });

  it('uninstalls: revokes at the provider, and the connector leaves the checklist', async () => {
    const { connector, org, solution } = await installedAndAuthorized();
    const { refreshToken, accessToken } = await env.storedTokens(org, connector);
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });

    const removed = await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toEqual({ solution, revoked: [{ connector, status: 'not_authorized', providerRevocation: 'succeeded' }] });
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
    expect(await env.demo.introspect(accessToken!, DEMO_CLIENT)).toMatchObject({ active: false });
    const stored = await env.storedTokens(org, connector);
    expect(stored.accessToken).toBeNull();
    expect(stored.refreshToken).toBeNull();

    expect(await checklist(org)).toEqual([]);
    expectProblem(await env.request('GET', `/v1/orgs/${org}/connections/${connector}`), 404, 'connector_not_installed');
    expect((await env.request<{ items: unknown[] }>('GET', `/v1/orgs/${org}/installations`)).body.items).toEqual([]);
    expectProblem(await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`), 404, 'not_found');

    const [uninstalled] = await events(org, 'installation.uninstalled');
    expect(uninstalled).toMatchObject({ data: { solution, release: '1.0.0', removedConnectors: [connector] } });
    expect(await events(org, 'connection.revoked')).toHaveLength(1);
  });

  it('revokes at the provider the tokens of a flow whose connector was uninstalled during the code exchange', async () => {
    // A pass-through in front of the demo's token endpoint: it uninstalls the solution while
    // Switchboard's code exchange is under way (after the callback's own install check) and
    // remembers the tokens the demo issues, which Switchboard never stores, to ask the demo about them.
    let uninstall: () => Promise<void> = async () => {};
    const issued: string[] = [];
    const proxy = createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        await uninstall();
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'authorization', 'accept']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        const upstream = await fetch(env.demo.tokenUrl, { method: 'POST', headers, body: Buffer.concat(chunks) });
        const text = await upstream.text();
        const body = JSON.parse(text) as Record<string, unknown>;
        for (const name of ['access_token', 'refresh_token']) if (typeof body[name] === 'string') issued.push(body[name]);
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(text);
      })().catch((error: unknown) => res.writeHead(502).end(String(error)));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/token`;
      const connector = await env.newConnector({ tokenUrl });
      const org = await env.newOrg({ connectors: [] });
      const { solution } = await env.install(org, [connector]);
      const { callback } = await env.consent(org, connector);
      uninstall = async () => {
        const removed = await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`);
        expect(removed.status, removed.text).toBe(200);
      };
      const revocationsBefore = env.demo.stats().revocations;

      const response = await fetch(callback, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'connector_not_installed', org, connector });
      // Nothing stored, and the grant issued meanwhile is ended at the provider, not left live.
      expect(await env.storedConnection(org, connector)).toBeUndefined();
      expect(issued).toHaveLength(2);
      expect(env.demo.stats().revocations).toBe(revocationsBefore + 1);
      for (const token of issued) {
        expect(await env.demo.introspect(token, DEMO_CLIENT)).toMatchObject({ active: false });
        expect(env.logs()).not.toContain(token);
      }
      expect((await events(org, 'authorization.failed'))[0]).toMatchObject({ connector, data: { error: 'connector_not_installed' } });
      expect(await events(org, 'authorization.succeeded')).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('keeps the connection when another installed solution still brings the connector', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const first = await env.install(org, [connector]);
    const second = await env.install(org, { [connector]: 1 });
    expect((await env.authorize(org, connector)).status).toBe(200);
    const { refreshToken } = await env.storedTokens(org, connector);

    const removed = await env.request('DELETE', `/v1/orgs/${org}/installations/${first.solution}`);
    expect(removed.body).toEqual({ solution: first.solution, revoked: [] });
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });
    expect(await env.connection(org, connector)).toMatchObject({ status: 'authorized', solutions: [second.solution], version: 1 });
  });

  it('revokes, at the provider, the connection of a connector an upgrade drops', async () => {
    const kept = await env.newConnector();
    const dropped = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const { solution } = await env.install(org, [kept, dropped]);
    expect((await env.authorize(org, dropped)).status).toBe(200);
    const { refreshToken } = await env.storedTokens(org, dropped);
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: true });

    expect((await env.request('DELETE', `/v1/solutions/${solution}/connectors/${dropped}`)).status).toBe(204);
    await cutRelease(solution, {}, '2.0.0');
    const upgraded = await env.request('PUT', `/v1/orgs/${org}/installations/${solution}`, { release: '2.0.0' });
    expect(upgraded.status, upgraded.text).toBe(200);

    // Nothing installed brings it any more: its tokens must not outlive that (as on uninstall).
    expect(await env.demo.introspect(refreshToken!, DEMO_CLIENT)).toMatchObject({ active: false });
    const stored = await env.storedTokens(org, dropped);
    expect(stored.accessToken).toBeNull();
    expect(stored.refreshToken).toBeNull();
    expect((await checklist(org)).map((item) => item.connector)).toEqual([kept]);
    expect(await events(org, 'connection.revoked')).toHaveLength(1);
    const [event] = await events(org, 'installation.upgraded');
    expect(event).toMatchObject({ data: { removedConnectors: [dropped] } });
  });

  it('refreshes at the consented version\'s token endpoint even when the installed version moved on without a reconcile', async () => {
    const { connector, org } = await installedAndAuthorized();
    // v2 would refresh somewhere the user never consented to (a closed loopback port).
    expect((await env.request('PATCH', `/v1/connectors/${connector}`, { refreshUrl: 'http://127.0.0.1:9/token' })).status).toBe(200);
    const v2 = await env.publish(connector);
    // The outcome of an upgrade racing a callback: the org's installed version moved to v2 while
    // the connection, authorized under v1, was not reconciled (still authorized, consented v1).
    const { store } = env.server;
    const [item] = await store.installedConnectors.listByOrg(org);
    const version = await store.connectorVersions.get(item!.connectorId, v2);
    await store.installedConnectors.replaceForOrg(org, [{ ...item!, versionId: version!.id, version: v2 }]);
    expect(await env.storedConnection(org, connector)).toMatchObject({ status: 'authorized', consentedVersion: 1 });

    const refreshesBefore = env.demo.stats().tokenRequests.refresh_token;
    env.demo.invalidateIssuedAccessTokens();
    await echo(org, connector);
    expect(env.demo.stats().tokenRequests.refresh_token).toBe(refreshesBefore + 1);
  });

  it('never shows a token or the client secret in a response or a log line', () => {
    expect(env.tokensSeen().length).toBeGreaterThan(2);
    env.expectNoSecretShown();
  });
});
