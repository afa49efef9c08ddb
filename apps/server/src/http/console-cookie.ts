import { consoleCookieName } from '@switchboard/contracts';
import type { Context } from 'hono';

/**
 * The console session cookie's value (`<id>.<secret>`), or undefined when the request has none.
 * Of several (another path's, or one planted for a parent domain), the first: browsers send the
 * most specific path first (RFC 6265 §5.4).
 */
export function readConsoleCookie(c: Context): string | undefined {
  const header = c.req.header('cookie');
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== consoleCookieName) continue;
    const value = pair.slice(eq + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
}

/**
 * The Set-Cookie value for a console session (RFC 6265 §4.1; SameSite from RFC 6265bis): script
 * cannot read it (`HttpOnly`), other sites' requests never carry it (`SameSite=Strict`), and over
 * https it never travels in clear (`Secure`).
 */
export function consoleCookie(value: string, options: { readonly secure: boolean; readonly maxAgeSeconds: number }): string {
  return `${consoleCookieName}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}${options.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the console cookie (sign-out). */
export function clearedConsoleCookie(options: { readonly secure: boolean }): string {
  return consoleCookie('', { secure: options.secure, maxAgeSeconds: 0 });
}

const staleKey = 'switchboard.staleConsoleCookie';

/** Remember that the request's console cookie names no live session, so the 401 clears it. */
export function markStaleConsoleCookie(c: Context): void {
  c.set(staleKey as never, true as never);
}

/** Whether authentication found the request's console cookie stale (see `markStaleConsoleCookie`). */
export const hasStaleConsoleCookie = (c: Context): boolean => c.get(staleKey as never) === true;
