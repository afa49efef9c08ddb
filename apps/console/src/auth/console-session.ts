import { endpoints } from '@switchboard/contracts';
import type { ApiClient } from '../api/api-client.js';

/**
 * Who is signed in. `admin` is the builder (the admin key): connectors, solutions, webhooks.
 * `org` is a subscriber org's admin (an org key): that org's setup pages only.
 */
export type ConsoleSession = { readonly kind: 'admin' } | { readonly kind: 'org'; readonly org: string; readonly orgName?: string };

/** The server's answer (contracts' consoleSessionSchema) → `ConsoleSession`; tolerant of `org` as `{id, name}`. */
export function toConsoleSession(body: unknown): ConsoleSession {
  const value = (body ?? {}) as { kind?: unknown; org?: unknown };
  if (value.kind === 'admin') return { kind: 'admin' };
  if (value.kind === 'org') {
    const orgName = (body as { orgName?: unknown }).orgName;
    if (typeof value.org === 'string') return { kind: 'org', org: value.org, ...(typeof orgName === 'string' ? { orgName } : {}) };
    const org = (value.org ?? {}) as { id?: unknown; name?: unknown };
    if (typeof org.id === 'string') return { kind: 'org', org: org.id, ...(typeof org.name === 'string' ? { orgName: org.name } : {}) };
  }
  throw new Error('The server answered an unknown console session.');
}

/**
 * The console session routes. Through `api.request` rather than `api.call`: a 401 here means
 * "not signed in" (or a wrong key), not "the session ended", so it must not trigger the
 * app-wide sign-out.
 */
export const consoleSessionApi = {
  /** The current session, or null when not signed in (401). */
  async get(api: ApiClient, signal?: AbortSignal): Promise<ConsoleSession | null> {
    try {
      return toConsoleSession(await api.request({ method: 'GET', path: endpoints.getConsoleSession.path, expectUnauthorized: true, ...(signal ? { signal } : {}) }));
    } catch (error) {
      if ((error as { status?: number }).status === 401) return null;
      throw error;
    }
  },
  /** Exchange a key for the HttpOnly session cookie. The key goes in the body only, never a URL. */
  async signIn(api: ApiClient, key: string): Promise<ConsoleSession> {
    return toConsoleSession(await api.request({ method: 'POST', path: endpoints.createConsoleSession.path, body: { key }, expectUnauthorized: true }));
  },
  async signOut(api: ApiClient): Promise<void> {
    await api.request({ method: 'DELETE', path: endpoints.deleteConsoleSession.path, expectUnauthorized: true });
  },
};
