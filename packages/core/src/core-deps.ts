import type { OAuthTransport } from './oauth/oauth-transport.js';
import type { Cipher } from './ports/cipher.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { OutboundFetch } from './ports/outbound-fetch.js';
import type { EventSink } from './ports/event-sink.js';
import type { Store } from './ports/store.js';

/** Everything the use-cases need, passed in once at wiring time (no module singletons). */
export interface CoreDeps {
  readonly store: Store;
  readonly cipher: Cipher;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Buffered audit events that record no state change (invokes). */
  readonly events: EventSink;
  /** The guarded outbound fetch used for API calls. */
  readonly fetch: OutboundFetch;
  /** The same fetch plus the policy and timeout for token endpoint calls. */
  readonly oauth: OAuthTransport;
  /** `<public url>/v1/oauth/callback`: the redirect URL builders register at the service. */
  readonly redirectUrl: string;
  /** Refresh a token this long before it expires (RFC 6749 gives no rule; 60 s absorbs clock skew). */
  readonly refreshSkewSeconds: number;
  /** Lifetime of a pending authorization (`state`). */
  readonly authorizationRequestTtlSeconds: number;
}
