// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../api/api-client.js';
import { App } from '../app/app.js';
import { render, settle } from '../test-support/render.js';

type Handler = (url: string, init: RequestInit) => Response;

/** A stub server: answers by method and path, records what was sent. */
function stubServer(handlers: Record<string, Handler>) {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    sent.push({ url, init });
    const handler = handlers[`${init.method ?? 'GET'} ${url.split('?')[0]}`];
    if (!handler) return new Response(JSON.stringify({ status: 404, title: 'Not found', code: 'not_found', type: 'about:blank#not_found' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const problem = (status: number, code: string, detail: string) =>
  new Response(JSON.stringify({ type: `about:blank#${code}`, title: code, status, code, detail }), { status, headers: { 'content-type': 'application/problem+json' } });
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function typeInto(input: HTMLInputElement, value: string) {
  // React tracks the value through the native setter; set it that way, then fire input.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('sign-in', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('sends an unauthenticated visitor to sign-in, shows a refused key’s detail, and clears the key', async () => {
    window.history.replaceState(null, '', '/connectors');
    const server = stubServer({
      'GET /v1/console/session': () => problem(401, 'unauthorized', 'No session.'),
      'POST /v1/console/session': () => problem(401, 'unauthorized', 'The key is not valid.'),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    expect(window.location.pathname).toBe('/sign-in');
    expect(container.querySelector('h1')?.textContent).toBe('Sign in');
    const input = container.querySelector<HTMLInputElement>('input[name="key"]')!;
    expect(input.type).toBe('password');
    await act(async () => typeInto(input, 'sbk_wrong-key-123456789012345'));
    await act(async () => container.querySelector('form')!.requestSubmit());
    await settle();
    const post = server.sent.find((request) => request.init.method === 'POST')!;
    expect(JSON.parse(String(post.init.body))).toEqual({ key: 'sbk_wrong-key-123456789012345' });
    expect(new Headers(post.init.headers).get('x-switchboard-csrf')).toBe('1');
    expect(post.url).not.toContain('sbk_');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The key is not valid.');
    expect(input.value).toBe('');
    expect(window.location.pathname).toBe('/sign-in');
    expect(JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage })).not.toContain('sbk_');
    await unmount();
  });

  it('signs a builder in and lands on the page they asked for, with the builder nav', async () => {
    window.history.replaceState(null, '', '/connectors');
    let signedIn = false;
    const server = stubServer({
      'GET /v1/console/session': () => (signedIn ? ok({ kind: 'admin' }) : problem(401, 'unauthorized', 'No session.')),
      'POST /v1/console/session': () => {
        signedIn = true;
        return ok({ kind: 'admin' });
      },
      'GET /v1/connectors': () => ok({ items: [] }),
    });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    await act(async () => typeInto(container.querySelector<HTMLInputElement>('input[name="key"]')!, 'sbk_right-key-12345678901234'));
    await act(async () => container.querySelector('form')!.requestSubmit());
    await settle();
    expect(window.location.pathname).toBe('/connectors');
    expect(container.querySelector('h1')?.textContent).toBe('Connectors');
    expect([...container.querySelectorAll('nav[aria-label="Main"] a')].map((a) => a.textContent)).toEqual(['Connectors', 'Solutions', 'Orgs', 'Webhooks', 'Events']);
    expect(container.textContent).toContain('No connectors yet');
    await unmount();
  });

  it('keeps a subscriber admin out of builder pages', async () => {
    window.history.replaceState(null, '', '/connectors');
    const server = stubServer({ 'GET /v1/console/session': () => ok({ kind: 'org', org: 'globex' }) });
    const { container, unmount } = await render(<App client={createApiClient({ fetch: server.fetch })} />);
    await settle();
    expect(window.location.pathname).toBe('/setup/connectors');
    expect(container.textContent).toContain('globex');
    expect([...container.querySelectorAll('nav[aria-label="Main"] a')].map((a) => a.textContent)).toEqual(['Setup › Connectors', 'Installations', 'Events']);
    await unmount();
  });
});
