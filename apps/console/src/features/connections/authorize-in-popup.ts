import { endpoints } from '@switchboard/contracts';
import { authorizeInPopup as runPopupFlow } from '@switchboard/sdk/popup';
import type { ApiClient } from '../../api/api-client.js';
import { ApiError, localError, toApiError } from '../../api/api-error.js';

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
 * Authorize a connector for an org in a popup: the browser SDK's popup flow (one implementation
 * of the synchronous open, the origin + source checks, closed/timeout handling), started with the
 * console's cookie-authenticated client. Call it synchronously from the click handler.
 * Resolves on `authorized`; rejects with an `ApiError`: the start request's own problem, the
 * callback's failure `code`, `popup_blocked`, `popup_closed` or `authorization_timeout`.
 */
export function authorizeInPopup(options: AuthorizeInPopupOptions): Promise<void> {
  const win = options.window ?? window;
  // The start request's problem (e.g. credentials not set) is shown as the API answered it.
  let startError: ApiError | undefined;
  const { result } = runPopupFlow({
    connector: options.connector,
    org: options.org,
    window: win,
    // The console is served by Switchboard: the callback page posts from this very origin.
    switchboardOrigin: win.location.origin,
    timeoutMs: options.timeoutMs ?? 5 * 60_000,
    start: () =>
      options.api.call(endpoints.startAuthorization, { params: { org: options.org, connector: options.connector }, body: {} }).catch((reason: unknown) => {
        startError = toApiError(reason);
        throw startError;
      }),
  });
  return result.then(
    () => undefined,
    (reason: unknown) => {
      throw startError ?? describeFailure(reason);
    },
  );
}

/** The SDK's error as the console shows it: a title and a sentence for people, the same code. */
function describeFailure(reason: unknown): ApiError {
  const code = typeof reason === 'object' && reason !== null && typeof (reason as { code?: unknown }).code === 'string' ? (reason as { code: string }).code : 'authorization_failed';
  switch (code) {
    case 'popup_blocked':
      return localError(code, 'The authorization window was blocked', 'Allow pop-ups for this site, then try again.');
    case 'popup_closed':
      return localError(code, 'Authorization cancelled', 'The authorization window was closed before it finished.');
    case 'authorization_timeout':
      return localError(code, 'Authorization timed out', 'The authorization window was open too long. Try again.');
    case 'access_denied':
      return localError(code, 'Authorization failed', 'Access was denied at the service.');
    case 'authorization_failed':
      return localError(code, 'Authorization failed', 'The service did not complete the authorization.');
    default:
      return localError(code, 'Authorization failed', `The service did not complete the authorization (${code}).`);
  }
}
