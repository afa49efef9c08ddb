import { endpoints } from '@switchboard/contracts';
import type { ApiClient } from '../../api/api-client.js';
import { ApiError, localError, toApiError } from '../../api/api-error.js';

/** What the OAuth callback page posts to its opener (apps/server/src/http/callback-page.ts). */
interface CallbackMessage {
  readonly type: 'switchboard:authorization';
  readonly status: 'authorized' | 'failed';
  readonly org: string | null;
  readonly connector: string | null;
  readonly code?: string;
}

const isCallbackMessage = (data: unknown): data is CallbackMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'switchboard:authorization';

export interface AuthorizeInPopupOptions {
  readonly api: ApiClient;
  /** `dev` for the builder's own tests; the subscriber's org on setup pages. */
  readonly org: string;
  /** The connector's API name. */
  readonly connector: string;
  /** Give up (and close the popup) after this long; default 5 minutes, the life of the flow's state. */
  readonly timeoutMs?: number;
  /** Injectable for tests. */
  readonly window?: Window;
}

/**
 * Authorize a connector for an org in a popup. Call it synchronously from the click handler: the
 * popup is opened before anything is awaited, or browsers block it. Then the flow is started
 * (POST …/authorize), the popup sent to the provider, and the promise settles on the callback
 * page's message — from our own origin and from this popup only — resolving on `authorized` and
 * rejecting with an `ApiError` on `failed` (its `code`), `popup_blocked`, `popup_closed` or
 * `authorization_timeout`.
 */
export function authorizeInPopup(options: AuthorizeInPopupOptions): Promise<void> {
  const win = options.window ?? window;
  const popup = win.open('about:blank', `switchboard-authorize-${options.connector}`, 'popup,width=520,height=700');
  if (!popup) {
    return Promise.reject(localError('popup_blocked', 'The authorization window was blocked', 'Allow pop-ups for this site, then try again.'));
  }
  try {
    popup.document.title = 'Connecting…';
    popup.document.body.textContent = 'Connecting to the service…';
  } catch {
    // not same-origin any more (should not happen for about:blank); cosmetic only
  }

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const timeout = setTimeout(() => finish(localError('authorization_timeout', 'Authorization timed out', 'The authorization window was open too long. Try again.')), options.timeoutMs ?? 5 * 60_000);
    const closedPoll = setInterval(() => {
      // A little grace: the callback page posts and may close right after.
      if (popup.closed) setTimeout(() => finish(localError('popup_closed', 'Authorization cancelled', 'The authorization window was closed before it finished.')), 300);
    }, 500);

    function finish(error?: ApiError) {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      clearInterval(closedPoll);
      win.removeEventListener('message', onMessage);
      if (!popup!.closed) popup!.close();
      if (error) reject(error);
      else resolve();
    }

    function onMessage(event: MessageEvent) {
      // Only the callback page of our own origin, in the popup we opened, may settle the flow.
      if (event.origin !== win.location.origin || event.source !== popup) return;
      if (!isCallbackMessage(event.data)) return;
      if (event.data.connector !== null && event.data.connector !== options.connector) return;
      if (event.data.status === 'authorized') finish();
      else finish(new ApiError({ code: event.data.code ?? 'authorization_failed', status: 0, title: 'Authorization failed', detail: describeFailure(event.data.code) }));
    }
    win.addEventListener('message', onMessage);

    options.api
      .call(endpoints.startAuthorization, { params: { org: options.org, connector: options.connector }, body: {} })
      .then((started) => {
        if (settled) return;
        popup.location.href = started.authorizationUrl;
      })
      .catch((reason: unknown) => finish(toApiError(reason)));
  });
}

function describeFailure(code: string | undefined): string {
  switch (code) {
    case 'access_denied':
      return 'Access was denied at the service.';
    case undefined:
      return 'The service did not complete the authorization.';
    default:
      return `The service did not complete the authorization (${code}).`;
  }
}
