/**
 * What Switchboard's OAuth callback page posts to `window.opener` when a flow ends
 * (`apps/server/src/http/callback-page.ts`). It names no token; `code` is the failure's problem code.
 */
export interface AuthorizationMessage {
  readonly type: 'switchboard:authorization';
  readonly status: 'authorized' | 'failed';
  readonly org: string | null;
  readonly connector: string | null;
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
