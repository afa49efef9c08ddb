/**
 * What Switchboard's OAuth callback page posts to `window.opener` when a flow ends
 * (`apps/server/src/http/callback-page.ts`). It names no token; `code` is the failure's problem code.
 */
export interface AuthorizationMessage {
  /** Tells this message apart from any other a page may receive. */
  readonly type: 'switchboard:authorization';
  /** How the flow ended. */
  readonly status: 'authorized' | 'failed';
  /** The flow's org; null when the callback could not tell (e.g. an unknown `state`). */
  readonly org: string | null;
  /** The flow's connector; null when the callback could not tell. */
  readonly connector: string | null;
  /** On `failed`: the problem code, e.g. `authorization_denied`. */
  readonly code?: string;
}

/** Whether a `message` event's data is a callback page's {@link AuthorizationMessage}. */
export function isAuthorizationMessage(data: unknown): data is AuthorizationMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message['type'] === 'switchboard:authorization' &&
    (message['status'] === 'authorized' || message['status'] === 'failed') &&
    (message['org'] === null || typeof message['org'] === 'string') &&
    (message['connector'] === null || typeof message['connector'] === 'string') &&
    (message['code'] === undefined || typeof message['code'] === 'string')
  );
}
