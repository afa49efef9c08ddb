import { consoleCookieName } from '@switchboard/contracts';
import type { Context } from 'hono';

/**
 * The console cookie's name over https. The `__Host-` prefix (RFC 6265bis §4.1.3.2) makes
 * browsers refuse any cookie of that name that is not `Secure`, `Path=/` and without `Domain`:
 * a sibling subdomain (`Domain=`) or a page path (`Path=/v1`) can no longer plant one next to
 * Switchboard's own.
 */
export const hostConsoleCookieName = `__Host-${consoleCookieName}`;

/** The console cookies a request carries under the cookie's name. */
export type ConsoleCookieRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly value: string }
  /**
   * More than one: another app on the same host name (cookies ignore the port) or a sibling
   * subdomain planted its own. Never pick one: browsers send the most specific path first
   * (RFC 6265 §5.4), so the first is the planted one exactly when it matters.
   */
  | { readonly kind: 'several'; readonly values: readonly string[] };

/** Reading, issuing and expiring the console session cookie (`<id>.<secret>`). */
export interface ConsoleCookies {
  /** `__Host-sb_console` when the public URL is https; `sb_console` on plain http (local use). */
  name(): string;
  read(c: Context): ConsoleCookieRead;
  /**
   * The Set-Cookie value for a session (RFC 6265 §4.1; SameSite from RFC 6265bis): script cannot
   * read it (`HttpOnly`), other sites' requests never carry it (`SameSite=Strict`), and over
   * https it never travels in clear (`Secure`).
   */
  issue(value: string, maxAgeSeconds: number): string;
  /**
   * Set-Cookie values that expire the cookie: at `Path=/` (Switchboard's own), and with
   * `planted`, at `Path=/v1` too (where a planted one most likely sits). Best effort: one
   * planted with `Domain=` stays until it expires, as only its setter can name that domain.
   */
  expire(options?: { readonly planted?: boolean }): string[];
}

const unquote = (value: string) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

/** The console cookie for the server at `publicUrl` (read per request: tests and restarts change it). */
export function createConsoleCookies(publicUrl: () => string): ConsoleCookies {
  const secure = () => new URL(publicUrl()).protocol === 'https:';
  const name = () => (secure() ? hostConsoleCookieName : consoleCookieName);
  const line = (value: string, path: string, maxAgeSeconds: number) =>
    `${name()}=${value}; HttpOnly; SameSite=Strict; Path=${path}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure() ? '; Secure' : ''}`;

  return {
    name,
    read(c) {
      const header = c.req.header('cookie');
      if (header === undefined) return { kind: 'none' };
      const wanted = name();
      const values: string[] = [];
      for (const pair of header.split(';')) {
        const eq = pair.indexOf('=');
        if (eq >= 0 && pair.slice(0, eq).trim() === wanted) values.push(unquote(pair.slice(eq + 1).trim()));
      }
      if (values.length === 0) return { kind: 'none' };
      return values.length === 1 ? { kind: 'one', value: values[0]! } : { kind: 'several', values };
    },
    issue: (value, maxAgeSeconds) => line(value, '/', maxAgeSeconds),
    expire: (options = {}) => [line('', '/', 0), ...(options.planted ? [line('', '/v1', 0)] : [])],
  };
}

const removalKey = 'switchboard.consoleCookieRemoval';

/**
 * Expire the request's console cookie with the 401 that refuses it (appended by the app's error
 * handler): a cookie naming no live session, or several cookies of the console's name.
 */
export function removeConsoleCookieWithRefusal(c: Context, setCookies: readonly string[]): void {
  c.set(removalKey as never, setCookies as never);
}

/** The Set-Cookie values `removeConsoleCookieWithRefusal` asked for (none when it was not called). */
export const consoleCookieRemovals = (c: Context): readonly string[] => (c.get(removalKey as never) as readonly string[] | undefined) ?? [];

/** The 401 message for several console cookies (see `ConsoleCookieRead`). */
export const severalConsoleCookiesMessage =
  'Several console cookies were sent, so none is used (another site on this host name may have set one); they have been cleared: sign in to the console again.';
