import { isAuthorizationMessage } from './authorization-message.js';
import { SwitchboardError } from './switchboard-error.js';

/** How an authorization in a popup ended well. */
export interface AuthorizationResult {
  readonly status: 'authorized';
  /** The connector that was authorized: the one `authorize` was called with. */
  readonly connector: string;
  /** The org the connection belongs to, as the callback page reported it. */
  readonly org: string | null;
}

/** A flow {@link authorizeInPopup} started: its window (null when blocked) and its outcome. */
export interface PopupAuthorization {
  readonly popup: Window | null;
  readonly result: Promise<AuthorizationResult>;
}

/** What {@link authorizeInPopup} needs. */
export interface PopupAuthorizationOptions {
  readonly connector: string;
  /** The client's org: an `authorized` message naming another org (or connector) is not this flow's. */
  readonly org: string;
  /** The window that opens the popup and hears its message (the widget's own). */
  readonly window: Window;
  /** Switchboard's origin: the only one whose messages count (the callback page is served there). */
  readonly switchboardOrigin: string;
  /** Give up after this long without an answer from the popup. */
  readonly timeoutMs: number;
  /** Starts the flow at Switchboard (`POST …/authorize`); called after the popup is open. */
  readonly start: () => Promise<{ readonly authorizationUrl: string }>;
}

/** How often `popup.closed` is looked at: no event tells a page that a window it opened closed. */
const closedPollMs = 300;

/** The popup's size and place: centred over the widget's window. */
function popupFeatures(win: Window): string {
  const width = 520;
  const height = 720;
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/** Shows a line of text in the still blank popup while the authorization URL is fetched. */
function showWaiting(popup: Window, connector: string): void {
  try {
    popup.document.title = 'Connecting…';
    const text = popup.document.createElement('p');
    text.textContent = `Connecting ${connector}…`;
    // Through the CSSOM, which a page's CSP allows even where style attributes are refused.
    Object.assign(text.style, { font: '16px system-ui, sans-serif', margin: '2rem', color: '#1d2330' });
    popup.document.body.append(text);
  } catch {
    // Cosmetic only: a browser that gives the blank page another origin keeps it blank.
  }
}

/**
 * Runs an OAuth authorization in a popup window; its `result` settles when the flow ends.
 *
 * The popup is opened **synchronously**, before anything is awaited, so the browser still sees
 * the user's click and does not block it (HTML §7.2.2.1 "transient activation"); it is then sent
 * to the provider once Switchboard returned the authorization URL. The callback page posts an
 * {@link AuthorizationMessage} to this window; only a message whose `source` is this popup and
 * whose `origin` is Switchboard's counts (HTML §9.3.3: check both, since any window may post).
 *
 * Resolves on `authorized`. Rejects with a {@link SwitchboardError}: the callback's `code` on a
 * failure (e.g. `authorization_denied`), `popup_blocked`, `popup_closed` (the person closed
 * it), `authorization_timeout`, or the start request's error. The popup is closed once the flow
 * has settled; the listener and timers are removed in every case.
 */
export function authorizeInPopup(options: PopupAuthorizationOptions): PopupAuthorization {
  const { connector, window: win } = options;
  // No `noopener`: the callback page needs `window.opener` to post its message back.
  const popup = win.open('about:blank', '_blank', popupFeatures(win));
  if (popup === null) {
    const blocked = new SwitchboardError('popup_blocked', 'The browser blocked the authorization window. Call authorize() inside a click handler, or allow popups for this site.');
    return { popup: null, result: Promise.reject(blocked) };
  }
  showWaiting(popup, connector);

  const result = new Promise<AuthorizationResult>((resolve, reject) => {
    let settled = false;
    let closedSeen = false;

    const finish = (outcome: { result: AuthorizationResult } | { error: SwitchboardError }) => {
      if (settled) return;
      settled = true;
      win.removeEventListener('message', onMessage);
      clearInterval(poll);
      clearTimeout(timer);
      try {
        if (!popup.closed) popup.close();
      } catch {
        // Closing is a courtesy; a browser may refuse it.
      }
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };

    function onMessage(event: MessageEvent): void {
      if (event.source !== popup || event.origin !== options.switchboardOrigin || !isAuthorizationMessage(event.data)) return;
      const message = event.data;
      if (message.status === 'authorized') {
        // Our own popup at Switchboard's origin, yet another connection: the provider sent the
        // window into someone else's flow. That flow's success is not this one's.
        const elsewhere = (message.connector !== null && message.connector !== connector) || (message.org !== null && message.org !== options.org);
        if (elsewhere) finish({ error: new SwitchboardError('authorization_failed', `The authorization window finished a flow other than ${connector}'s.`) });
        else finish({ result: { status: 'authorized', connector, org: message.org } });
      } else {
        const code = message.code ?? 'authorization_failed';
        finish({ error: new SwitchboardError(code, `Authorizing ${connector} failed (${code}).`) });
      }
    }
    win.addEventListener('message', onMessage);

    const poll = setInterval(() => {
      if (!popup.closed) return;
      // One more round before giving up: a message posted just before the window closed may
      // still be on its way.
      if (!closedSeen) {
        closedSeen = true;
        return;
      }
      finish({ error: new SwitchboardError('popup_closed', `The authorization window was closed before ${connector} was authorized.`) });
    }, closedPollMs);

    const timer = setTimeout(() => {
      finish({ error: new SwitchboardError('authorization_timeout', `No answer from the authorization window within ${Math.round(options.timeoutMs / 1000)} s.`) });
    }, options.timeoutMs);

    options.start().then(
      ({ authorizationUrl }) => {
        if (settled) return;
        let url: URL;
        try {
          url = new URL(authorizationUrl);
        } catch {
          url = new URL('invalid:');
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
          finish({ error: new SwitchboardError('invalid_response', 'Switchboard answered an authorization URL that is not http(s).') });
          return;
        }
        try {
          // replace(): the blank page stays out of the popup's history.
          popup.location.replace(url.href);
        } catch (error) {
          finish({ error: new SwitchboardError('popup_closed', 'The authorization window could not be navigated.', { cause: error }) });
        }
      },
      (error: unknown) => {
        finish({ error: error instanceof SwitchboardError ? error : new SwitchboardError('network_error', 'Could not start the authorization.', { cause: error }) });
      },
    );
  });
  return { popup, result };
}
