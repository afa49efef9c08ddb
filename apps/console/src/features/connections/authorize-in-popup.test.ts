import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/api-client.js';
import { authorizeInPopup } from './authorize-in-popup.js';

/** A fake opener window and popup: enough of the DOM for the flow, driven by the test. */
function fakeWindows() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const popup = {
    closed: false,
    location: {
      href: 'about:blank',
      replace(url: string) {
        this.href = url;
      },
    },
    document: { title: '' },
    close() {
      this.closed = true;
    },
  };
  const win = {
    location: { origin: 'http://127.0.0.1:4400' },
    open: () => popup,
    addEventListener: (_: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
  };
  const post = (data: unknown, origin: string, source: unknown) => {
    for (const listener of [...listeners]) listener({ data, origin, source } as MessageEvent);
  };
  return { win: win as unknown as Window, popup, post, listeners };
}

const started = () =>
  createApiClient({
    fetch: (async () => new Response(JSON.stringify({ authorizationUrl: 'http://127.0.0.1:4401/authorize?x=1', expiresAt: '2026-01-01T00:00:00Z' }), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch,
  });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('authorizeInPopup', () => {
  it('sends the popup to the authorization URL and resolves on our own callback message only', async () => {
    const { win, popup, post, listeners } = fakeWindows();
    let settled = false;
    const flow = authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: win }).then(() => (settled = true));
    await tick();
    expect(popup.location.href).toBe('http://127.0.0.1:4401/authorize?x=1');
    const message = { type: 'switchboard:authorization', status: 'authorized', org: 'dev', connector: 'acme' };
    post(message, 'http://evil.test', popup); // another origin
    post(message, 'http://127.0.0.1:4400', {}); // another window
    post({ type: 'other' }, 'http://127.0.0.1:4400', popup); // not a callback message
    await tick();
    expect(settled).toBe(false);
    post(message, 'http://127.0.0.1:4400', popup);
    await flow;
    expect(popup.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('refuses a success that names another connector or org: the popup finished a flow that is not this one', async () => {
    for (const other of [{ connector: 'other' }, { org: 'someone-else' }]) {
      const { win, popup, post } = fakeWindows();
      const flow = authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: win });
      await tick();
      post({ type: 'switchboard:authorization', status: 'authorized', org: 'dev', connector: 'acme', ...other }, 'http://127.0.0.1:4400', popup);
      await expect(flow).rejects.toMatchObject({ code: 'authorization_failed' });
      expect(popup.closed).toBe(true);
    }
  });

  it('rejects with the start request’s own problem (e.g. no client credentials yet)', async () => {
    const { win, popup } = fakeWindows();
    const api = createApiClient({
      fetch: (async () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'credentials_missing', detail: 'Set the client credentials first.' }), {
          status: 409,
          headers: { 'content-type': 'application/problem+json' },
        })) as typeof fetch,
    });
    await expect(authorizeInPopup({ api, org: 'dev', connector: 'acme', window: win })).rejects.toMatchObject({ code: 'credentials_missing', status: 409 });
    expect(popup.closed).toBe(true);
  });

  it('rejects with the callback’s code on failure, and when the popup is blocked', async () => {
    const { win, popup, post } = fakeWindows();
    const flow = authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: win });
    await tick();
    post({ type: 'switchboard:authorization', status: 'failed', org: 'dev', connector: 'acme', code: 'access_denied' }, 'http://127.0.0.1:4400', popup);
    await expect(flow).rejects.toMatchObject({ code: 'access_denied', detail: 'Access was denied at the service.' });
    const blocked = { ...(win as unknown as object), open: () => null } as unknown as Window;
    await expect(authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: blocked })).rejects.toMatchObject({ code: 'popup_blocked' });
  });

  it('rejects when the popup is closed, and on timeout', async () => {
    const first = fakeWindows();
    const closed = authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: first.win });
    first.popup.closed = true;
    await expect(closed).rejects.toMatchObject({ code: 'popup_closed' });
    const second = fakeWindows();
    await expect(authorizeInPopup({ api: started(), org: 'dev', connector: 'acme', window: second.win, timeoutMs: 20 })).rejects.toMatchObject({ code: 'authorization_timeout' });
    expect(second.popup.closed).toBe(true);
  });
});
