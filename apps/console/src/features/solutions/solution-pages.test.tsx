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
    const url = String(input);
    const method = init.method ?? 'GET';
    const path = url.split('?')[0]!;
    sent.push({ method, path, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const handler = handlers[`${method} ${path}`];
    if (!handler) return problem(404, 'not_found', `No stub for ${method} ${path}`);
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: `about:blank#${code}`, title: code.replace(/_/g, ' '), status, code, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const at = '2026-03-01T10:00:00.000Z';
const solution = { id: 's1', apiName: 'crm_suite', name: 'CRM suite', description: null, createdAt: at, updatedAt: at };
const pinned = { connector: 'acme', version: 2, name: 'Acme CRM', serviceName: 'Acme', logoContentType: null, logoUrl: null, updatedAt: at };
const release = { solution: 'crm_suite', version: '1.2.0', notes: 'Second', connectors: [{ connector: 'acme', version: 2 }], functions: [], actions: [], createdAt: at };
const admin = { 'GET /v1/console/session': () => json(200, { kind: 'admin', expiresAt: at }) };

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const buttonNamed = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);

describe('solution pages', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the empty state, then creates a solution with a suggested API name and opens it', async () => {
    window.history.replaceState(null, '', '/solutions');
    const server = stubServer({
      ...admin,
      'GET /v1/solutions': () => json(200, { items: [] }),
      'POST /v1/solutions': () => json(201, solution),
      'GET /v1/solutions/crm_suite': () => json(200, solution),
      'GET /v1/solutions/crm_suite/connectors': () => json(200, { items: [] }),
      'GET /v1/solutions/crm_suite/functions': () => json(200, { items: [] }),
      'GET /v1/solutions/crm_suite/releases': () => json(200, { items: [] }),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Solutions');
    expect(container.querySelector('.empty-state h2')?.textContent).toBe('No solutions yet');

    await act(async () => buttonNamed(container, 'Create solution')!.click());
    const dialog = container.querySelector('dialog')!;
    await act(async () => typeInto(dialog.querySelector<HTMLInputElement>('input[name="name"]')!, 'CRM suite'));
    expect(dialog.querySelector<HTMLInputElement>('input[name="apiName"]')!.value).toBe('crm_suite');
    await act(async () => dialog.querySelector('form')!.requestSubmit());
    await settle();

    expect(server.sent.find((request) => request.method === 'POST')?.body).toEqual({ name: 'CRM suite', apiName: 'crm_suite' });
    expect(window.location.pathname).toBe('/solutions/crm_suite');
    expect(container.querySelector('h1')?.textContent).toBe('CRM suite');
    const headings = [...container.querySelectorAll('section.section')].map((section) => section.querySelector('h2')?.textContent);
    expect(headings).toEqual(['Connectors', 'Functions', 'Actions', 'Releases']);
    await unmount();
  });

  it('lists releases newest first and shows 409 version_not_increasing next to the version', async () => {
    window.history.replaceState(null, '', '/solutions/crm_suite');
    const server = stubServer({
      ...admin,
      'GET /v1/solutions/crm_suite': () => json(200, solution),
      'GET /v1/solutions/crm_suite/connectors': () => json(200, { items: [pinned] }),
      'GET /v1/solutions/crm_suite/functions': () => json(200, { items: [] }),
      'GET /v1/solutions/crm_suite/connectors/acme/actions': () => json(200, { solution: 'crm_suite', connector: 'acme', onAuthorize: null, onRevoke: null }),
      'GET /v1/solutions/crm_suite/releases': () => json(200, { items: [release, { ...release, version: '1.0.0', notes: null }] }),
      'POST /v1/solutions/crm_suite/releases': () => problem(409, 'version_not_increasing', "Release 1.1.0 is not greater than 1.2.0, the latest release of 'crm_suite'."),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    const table = [...container.querySelectorAll('table')].find((element) => element.querySelector('caption')?.textContent?.startsWith('Releases'))!;
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')?.textContent)).toEqual(['1.2.0', '1.0.0']);
    expect(table.textContent).toContain('acme v2');

    await act(async () => buttonNamed(container, 'Cut release')!.click());
    const dialog = [...container.querySelectorAll('dialog')].find((element) => element.textContent?.includes('Cut release') && element.open)!;
    const version = dialog.querySelector<HTMLInputElement>('input[name="version"]')!;
    expect(version.value).toBe('1.3.0'); // the suggestion: the latest's next minor
    await act(async () => typeInto(version, '1.1.0'));
    await act(async () => dialog.querySelector('form')!.requestSubmit());
    await settle();

    expect(server.sent.find((request) => request.method === 'POST')?.body).toEqual({ version: '1.1.0' });
    expect(version.getAttribute('aria-invalid')).toBe('true');
    const describedBy = version.getAttribute('aria-describedby')!.split(' ');
    const message = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(message).toContain('is not greater than 1.2.0');
    await unmount();
  });

  it('saves the connector actions as function names or null', async () => {
    window.history.replaceState(null, '', '/solutions/crm_suite');
    const fn = { id: 'f1', solution: 'crm_suite', apiName: 'welcome', name: 'Welcome', source: 'x', timeoutMs: 10000, memoryMb: 64, createdAt: at, updatedAt: at };
    const server = stubServer({
      ...admin,
      'GET /v1/solutions/crm_suite': () => json(200, solution),
      'GET /v1/solutions/crm_suite/connectors': () => json(200, { items: [pinned] }),
      'GET /v1/solutions/crm_suite/functions': () => json(200, { items: [fn] }),
      'GET /v1/solutions/crm_suite/connectors/acme/actions': () => json(200, { solution: 'crm_suite', connector: 'acme', onAuthorize: null, onRevoke: 'welcome' }),
      'PUT /v1/solutions/crm_suite/connectors/acme/actions': () => json(200, { solution: 'crm_suite', connector: 'acme', onAuthorize: 'welcome', onRevoke: null }),
      'GET /v1/solutions/crm_suite/releases': () => json(200, { items: [] }),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    const form = container.querySelector<HTMLFormElement>('form[aria-label="Actions of Acme CRM"]')!;
    const onAuthorize = form.querySelector<HTMLSelectElement>('select[name="onAuthorize"]')!;
    const onRevoke = form.querySelector<HTMLSelectElement>('select[name="onRevoke"]')!;
    expect(onRevoke.value).toBe('welcome');
    await act(async () => {
      onAuthorize.value = 'welcome';
      onAuthorize.dispatchEvent(new Event('change', { bubbles: true }));
      onRevoke.value = '';
      onRevoke.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => form.requestSubmit());
    await settle();
    expect(server.sent.find((request) => request.method === 'PUT')?.body).toEqual({ onAuthorize: 'welcome', onRevoke: null });
    await unmount();
  });
});
