/** A cookie as a browser would keep it, reduced to what the demo's own pages need. */
interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** Epoch milliseconds, or undefined for a session cookie. */
  expiresAt: number | undefined;
}

/** The cookies of one origin, for driving HTML pages without a browser. */
export interface CookieJar {
  /** Stores the Set-Cookie headers of a response from `url`. */
  store(url: URL, setCookieHeaders: readonly string[]): void;
  /** The Cookie header value for a request to `url`, or undefined when none apply. */
  headerFor(url: URL): string | undefined;
}

/**
 * Creates a single-origin jar. It honours Path and expiry (RFC 6265 §5.1.4, §5.3) because
 * oidc-provider scopes its interaction and resume cookies to per-request paths and expires
 * them when done; Domain, Secure and SameSite are moot for one loopback origin.
 */
export function createCookieJar(): CookieJar {
  const cookies = new Map<string, StoredCookie>();

  return {
    store(url, setCookieHeaders) {
      for (const header of setCookieHeaders) {
        const cookie = parseSetCookie(header, url);
        if (cookie === undefined) continue;
        const key = `${cookie.path}\n${cookie.name}`;
        if (cookie.expiresAt !== undefined && cookie.expiresAt <= Date.now()) cookies.delete(key);
        else cookies.set(key, cookie);
      }
    },
    headerFor(url) {
      const now = Date.now();
      const matching = [...cookies.values()]
        .filter((cookie) => (cookie.expiresAt === undefined || cookie.expiresAt > now) && pathMatches(url.pathname, cookie.path))
        // Longer paths first, as browsers send them (RFC 6265 §5.4 step 2).
        .sort((a, b) => b.path.length - a.path.length);
      return matching.length === 0 ? undefined : matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    },
  };
}

function parseSetCookie(header: string, url: URL): StoredCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: StoredCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: defaultPath(url.pathname),
    expiresAt: undefined,
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'path' && value.startsWith('/')) cookie.path = value;
    else if (name === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true;
      cookie.expiresAt = Date.now() + Number(value) * 1000;
    } else if (name === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expiresAt = time;
    }
  }
  return cookie;
}

function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
