import type { OutboundFetch } from '../ports/outbound-fetch.js';

/** What the OAuth steps need from the outside world. */
export interface OAuthTransport {
  readonly fetch: OutboundFetch;
  /**
   * Whether plain `http:` may be used for this URL. Tokens and client secrets travel in these
   * requests, so only hosts the operator allowed as private network (the demo, tests) qualify.
   */
  readonly allowsInsecureHttp: (url: URL) => boolean;
  /** Shorter than the storage lock timeout, so a stuck provider cannot outlive the refresh lock. */
  readonly timeoutMs: number;
}
