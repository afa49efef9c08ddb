/** What {@link init} takes. */
export interface SwitchboardOptions {
  /**
   * Switchboard's public URL, e.g. `https://switchboard.example.com` (a path prefix is kept, for
   * a server mounted under one). The consent window's message must come from this URL's origin.
   */
  readonly baseUrl: string;
  /**
   * An SDK session token (`sbs_<org>.<id>.<secret>`) that your backend minted for this page with
   * its org key (`POST /v1/orgs/{org}/sessions`, listing this page's origin). It names its org,
   * which is where the client sends its requests. Keep it in memory: never in a URL or
   * `localStorage`.
   */
  readonly sessionToken: string;
  /**
   * Optional: the org you expect the session to belong to. The token already names it; when
   * given and different, `init` throws `invalid_argument` rather than act for another org.
   */
  readonly org?: string;
  /** How long `authorize` waits for the consent window; default 600000 (10 minutes, the authorization's own lifetime). */
  readonly popupTimeoutMs?: number;
  /** The `fetch` to use (e.g. one that adds tracing); default the browser's. */
  readonly fetch?: typeof fetch;
  /** The window that opens consent popups and hears their messages; default `window`. */
  readonly window?: Window;
}
