import { completeConsentHeadlessly } from '@switchboard/demo';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../apps/server/src/testing/test-environment.js';
import { init } from './init.js';
import type { SwitchboardClient } from './switchboard-client.js';
import { SwitchboardError } from './switchboard-error.js';

/**
 * The popup flow of `authorize` against a real server and the real demo authorization server.
 * The widget's window is a happy-dom Window; the popup is a stand-in that records where it was
 * sent (a real popup is the browser test's job). The test plays the person in the popup: it
 * completes the demo's login and consent headlessly, loads Switchboard's real callback page and
 * delivers the message that page posts, as the browser would.
 */

const APP = 'https://widget.example.com';

/** The window `window.open` hands out: records navigation and closing. */
class FakePopup {
  closed = false;
  focused = 0;
  readonly visited: string[] = [];
  readonly location = { replace: (url: string) => void this.visited.push(url) };
  constructor(readonly document: unknown) {}
  close(): void {
    this.closed = true;
  }
  focus(): void {
    this.focused += 1;
  }
}

/** A browser's fetch from a page at `origin`. */
const browserFetch =
  (origin: string): typeof fetch =>
  (input, requestInit = {}) => {
    const headers = new Headers(requestInit.headers);
    headers.set('origin', origin);
    return fetch(input, { ...requestInit, headers });
  };

/** The message and target origin of the callback page's `postMessage`. */
function postedMessage(html: string): { message: unknown; targetOrigin: unknown } {
  const match = /window\.opener\.postMessage\((\{.*\}), ("[^"\n]*")\)/.exec(html);
  if (!match) throw new Error(`the callback page posts nothing:\n${html}`);
  return { message: JSON.parse(match[1]!), targetOrigin: JSON.parse(match[2]!) };
}

describe('authorize(connector) in a popup', () => {
  let env: TestEnvironment;
  let org: string;
  let token: string;
  let win: Window;
  let popup: FakePopup | null;
  let popups: FakePopup[];
  let opened: Array<{ url: string; target: string; features: string }>;

  const client = (options: { popupTimeoutMs?: number; sessionToken?: string } = {}): SwitchboardClient =>
    init({ baseUrl: env.server.url, sessionToken: options.sessionToken ?? token, fetch: browserFetch(APP), window: win as unknown as globalThis.Window, ...options });

  /** Plays the person: waits for the popup to reach the provider, consents, loads the callback page and delivers its message. */
  async function consentInPopup(decision: 'allow' | 'deny' = 'allow', inPopup?: FakePopup): Promise<{ targetOrigin: unknown }> {
    const popupOf = () => inPopup ?? popup;
    await vi.waitFor(() => expect(popupOf()?.visited).toHaveLength(1));
    const authorizationUrl = popupOf()!.visited[0]!;
    expect(authorizationUrl.startsWith(env.demo.authorizationUrl)).toBe(true);
    const callback = await completeConsentHeadlessly(authorizationUrl, { username: 'bob', password: 'builder', decision });
    const page = await fetch(callback, { headers: { accept: 'text/html' } });
    const { message, targetOrigin } = postedMessage(await page.text());
    win.dispatchEvent(new win.MessageEvent('message', { data: message, origin: new URL(env.server.url).origin, source: popupOf() as never }));
    return { targetOrigin };
  }

  beforeAll(async () => {
    env = await createTestEnvironment();
    await env.createAcmeConnector();
    org = await env.newOrg({ connectors: ['acme'] });
    ({ token } = await env.session(org, { allowedOrigins: [APP], connectors: ['acme'] }));
  });

  afterAll(async () => {
    await env?.close();
  });

  afterEach(async () => {
    await win?.happyDOM.close();
  });

  const freshWindow = (blocked = false) => {
    win = new Window({ url: `${APP}/widget` });
    opened = [];
    popup = null;
    popups = [];
    win.open = ((url: string, target: string, features: string) => {
      opened.push({ url, target, features });
      if (blocked) return null;
      popup = new FakePopup(win.document.implementation.createHTMLDocument());
      popups.push(popup);
      return popup;
    }) as never;
  };

  it('opens the popup before returning, sends it to the provider, and resolves on the callback page’s message', async () => {
    freshWindow();
    const sb = client();
    const result = sb.authorize('acme');
    // Synchronously, inside the click: a blank window showing that it is connecting.
    expect(opened).toEqual([{ url: 'about:blank', target: '_blank', features: expect.stringContaining('popup=yes') }]);
    expect((popup!.document as Document).body.textContent).toContain('Connecting acme');

    const { targetOrigin } = await consentInPopup();
    expect(targetOrigin).toBe(APP);
    await expect(result).resolves.toEqual({ status: 'authorized', connector: 'acme', org });
    expect(popup!.closed).toBe(true);
    expect(await sb.isConnectorAuthorized('acme')).toBe(true);
    await sb.revokeConnector('acme');
  });

  it('ignores messages from another origin or another window, then settles on the real one', async () => {
    freshWindow();
    const result = client().authorize('acme');
    let settled = false;
    void result.then(() => (settled = true));
    const forged = { type: 'switchboard:authorization', status: 'authorized', org, connector: 'acme' };
    win.dispatchEvent(new win.MessageEvent('message', { data: forged, origin: 'https://evil.example.net', source: popup as never }));
    win.dispatchEvent(new win.MessageEvent('message', { data: forged, origin: new URL(env.server.url).origin, source: null }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await consentInPopup();
    await expect(result).resolves.toMatchObject({ status: 'authorized' });
    await client().revokeConnector('acme');
  });

  it('rejects with the callback’s code when the person denies consent', async () => {
    freshWindow();
    const result = client().authorize('acme');
    await consentInPopup('deny');
    await expect(result).rejects.toMatchObject({ name: 'SwitchboardError', code: 'authorization_denied' });
    expect(popup!.closed).toBe(true);
    expect(await client().isConnectorAuthorized('acme')).toBe(false);
  });

  it('rejects with popup_blocked, without starting a flow, when no window opens', async () => {
    freshWindow(true);
    const events = async () => (await env.request<{ items: unknown[] }>('GET', `/v1/orgs/${org}/events?type=authorization.started`)).body.items.length;
    const before = await events();
    await expect(client().authorize('acme')).rejects.toMatchObject({ code: 'popup_blocked' });
    expect(await events()).toBe(before);
  });

  it('rejects with popup_closed when the person closes the window, and removes its listener', async () => {
    freshWindow();
    const removed = vi.spyOn(win, 'removeEventListener');
    const result = client().authorize('acme');
    await vi.waitFor(() => expect(popup?.visited).toHaveLength(1));
    popup!.closed = true;
    await expect(result).rejects.toMatchObject({ code: 'popup_closed' });
    expect(removed).toHaveBeenCalledWith('message', expect.any(Function));
  });

  it('rejects with authorization_timeout and closes the popup when nothing answers in time', async () => {
    freshWindow();
    const result = client({ popupTimeoutMs: 150 }).authorize('acme');
    await expect(result).rejects.toMatchObject({ code: 'authorization_timeout' });
    expect(popup!.closed).toBe(true);
  });

  it('rejects with the start request’s problem and closes the popup (a connector the session does not list)', async () => {
    freshWindow();
    const error = await client().authorize('acme_other').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(popup!.closed).toBe(true);
    expect(popup!.visited).toEqual([]);
  });

  it('shares one window and one outcome between calls for the same connector while it is open; a later call opens a new one', async () => {
    freshWindow();
    const sb = client();
    const first = sb.authorize('acme');
    const second = sb.authorize('acme');
    expect(second).toBe(first);
    expect(opened).toHaveLength(1);
    expect(popup!.focused).toBe(1);
    await consentInPopup();
    await expect(first).resolves.toMatchObject({ status: 'authorized', connector: 'acme' });

    const again = sb.authorize('acme');
    expect(again).not.toBe(first);
    expect(opened).toHaveLength(2);
    popup!.closed = true;
    await expect(again).rejects.toMatchObject({ code: 'popup_closed' });
    await sb.revokeConnector('acme');
  });

  it('does not reuse a window the person already closed, even before its closing was noticed', async () => {
    freshWindow();
    const sb = client();
    const first = sb.authorize('acme');
    popups[0]!.closed = true;
    const second = sb.authorize('acme');
    expect(second).not.toBe(first);
    expect(opened).toHaveLength(2);
    await expect(first).rejects.toMatchObject({ code: 'popup_closed' });
    await consentInPopup('allow', popups[1]);
    await expect(second).resolves.toMatchObject({ status: 'authorized' });
    await sb.revokeConnector('acme');
  });

  it('runs flows of different connectors side by side, each settled by its own window', async () => {
    freshWindow();
    const sb = client();
    const acme = sb.authorize('acme');
    const other = sb.authorize('acme_other'); // the session does not list it: its start is refused
    expect(opened).toHaveLength(2);
    const [acmePopup, otherPopup] = popups as [FakePopup, FakePopup];
    await expect(other).rejects.toMatchObject({ code: 'forbidden' });
    expect(otherPopup.closed).toBe(true);
    expect(acmePopup.closed).toBe(false);
    await consentInPopup('allow', acmePopup);
    await expect(acme).resolves.toMatchObject({ status: 'authorized', connector: 'acme' });
    await sb.revokeConnector('acme');
  });

  it('rejects with authorization_failed when its own window reports another connector or org as authorized', async () => {
    const origin = new URL(env.server.url).origin;
    for (const claimed of [{ org, connector: 'acme_other' }, { org: 'dev', connector: 'acme' }]) {
      freshWindow();
      const result = client().authorize('acme');
      await vi.waitFor(() => expect(popup?.visited).toHaveLength(1));
      const message = { type: 'switchboard:authorization', status: 'authorized', ...claimed };
      win.dispatchEvent(new win.MessageEvent('message', { data: message, origin, source: popup as never }));
      await expect(result, JSON.stringify(claimed)).rejects.toMatchObject({ name: 'SwitchboardError', code: 'authorization_failed' });
      expect(popup!.closed).toBe(true);
    }
  });
});
