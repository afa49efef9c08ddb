// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/api-client.js';
import { App } from '../../app/app.js';
import { render, settle } from '../../test-support/render.js';

type Handler = (url: string, init: RequestInit) => Response;

/** A stub server answering by method and path; records what was sent. */
function stubServer(handlers: Record<string, Handler>) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input).split('?')[0]!;
    sent.push({ method, path, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const handler = handlers[`${method} ${path}`];
    if (!handler) return problem(404, 'not_found', `No stub for ${method} ${path}`);
    return handler(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string, detail: string) =>
  new Response(JSON.stringify({ type: `about:blank#${code}`, title: code.replace(/_/g, ' '), status, code, detail }), { status, headers: { 'content-type': 'application/problem+json' } });

const at = '2026-03-01T10:00:00.000Z';
const orgs = { items: [{ id: 'dev', name: 'Development', createdAt: at }, { id: 'globex', name: 'Globex', createdAt: at }] };
const installation = { solution: 'crm', release: '1.0.0', connectors: [{ connector: 'acme', version: 1 }], installedAt: at, updatedAt: at, availableRelease: '1.1.0' };
const release = (version: string) => ({ solution: 'crm', version, notes: null, connectors: [{ connector: 'acme', version: 1 }], functions: [], actions: [], createdAt: at });
const connection = { connector: 'acme', name: 'Acme CRM', description: null, logoUrl: null, status: 'authorized', scopes: [], authorizedAt: at, expiresAt: null, lastRefreshedAt: null, lastError: null, solutions: ['crm'], version: 1 };
const base = {
  'GET /v1/console/session': () => json(200, { kind: 'admin', expiresAt: at }),
  'GET /v1/orgs': () => json(200, orgs),
  'GET /v1/orgs/globex/keys': () => json(200, { items: [] }),
};
const buttonNamed = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const openDialog = () => [...document.querySelectorAll('dialog')].find((dialog) => dialog.open)!;

describe('org pages', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('uninstalls after confirming and lists the connections revoked at the provider', async () => {
    window.history.replaceState(null, '', '/orgs/globex');
    const server = stubServer({
      ...base,
      'GET /v1/orgs/globex/installations': () => json(200, { items: [installation] }),
      'GET /v1/orgs/globex/connections': () => json(200, { items: [connection] }),
      'DELETE /v1/orgs/globex/installations/crm': () => json(200, { solution: 'crm', revoked: [{ connector: 'acme', status: 'not_authorized', providerRevocation: 'succeeded' }] }),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Globex');
    expect([...container.querySelectorAll('section h2')].map((heading) => heading.textContent)).toEqual(['Installations', 'Connections', 'Org keys']);
    expect(container.querySelector('a[href="/events?org=globex"]')).not.toBeNull();

    await act(async () => buttonNamed(container, 'Uninstall crm')!.click());
    expect(openDialog().textContent).toContain('revoked at the provider');
    await act(async () => buttonNamed(openDialog(), 'Uninstall')!.click());
    await settle();

    expect(server.sent.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual(['/v1/orgs/globex/installations/crm']);
    const revoked = container.querySelector('[aria-label="Revoked connections"]')!;
    expect(revoked.textContent).toContain('acme');
    expect(revoked.textContent).toContain('Revoked at the provider');
    // The checklist is read again after the change.
    expect(server.sent.filter((request) => request.path === '/v1/orgs/globex/connections')).toHaveLength(2);
    await unmount();
  });

  it('offers only newer releases and explains 409 downgrade_refused', async () => {
    window.history.replaceState(null, '', '/orgs/globex');
    let listed = 0;
    const server = stubServer({
      ...base,
      'GET /v1/orgs/globex/installations': () => {
        listed += 1;
        return json(200, { items: [installation] });
      },
      'GET /v1/orgs/globex/connections': () => json(200, { items: [] }),
      'GET /v1/solutions/crm/releases': () => json(200, { items: [release('1.2.0'), release('1.1.0'), release('1.0.0')] }),
      'PUT /v1/orgs/globex/installations/crm': () => problem(409, 'downgrade_refused', 'Release 1.2.0 is older than the installed 1.3.0; uninstall and install to go back.'),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    await act(async () => buttonNamed(container, 'Upgrade crm')!.click());
    await settle();
    const select = openDialog().querySelector<HTMLSelectElement>('select[name="release"]')!;
    expect([...select.options].map((option) => option.value)).toEqual(['1.2.0', '1.1.0']);
    expect(select.value).toBe('1.2.0');
    await act(async () => openDialog().querySelector('form')!.requestSubmit());
    await settle();

    expect(server.sent.find((request) => request.method === 'PUT')?.body).toEqual({ release: '1.2.0' });
    expect(openDialog().textContent).toContain('Downgrade refused.');
    expect(openDialog().querySelector('[role="alert"]')?.textContent).toContain('downgrade_refused');
    expect(listed).toBe(2); // the stale list is read again
    await unmount();
  });

  it('says org dev takes no installations', async () => {
    window.history.replaceState(null, '', '/orgs/dev');
    const server = stubServer({ ...base, 'GET /v1/orgs/dev/connections': () => json(200, { items: [] }), 'GET /v1/orgs/dev/keys': () => json(200, { items: [] }) });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Development');
    expect(container.textContent).toContain('always uses every connector as drafted');
    expect(buttonNamed(container, 'Install release')).toBeUndefined();
    expect(server.sent.some((request) => request.path.endsWith('/installations'))).toBe(false);
    await unmount();
  });
});
