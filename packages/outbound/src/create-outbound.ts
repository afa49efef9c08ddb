import { lookup as dnsLookup } from 'node:dns';
import type { OutboundFetch } from '@switchboard/core';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { capResponseBody } from './cap-response-body.js';
import { compileAllowList } from './compile-allow-list.js';
import { createDestinationGuard } from './destination-guard.js';
import { createGuardedConnector } from './guarded-connector.js';
import { createGuardedLookup, type OutboundLookup } from './guarded-lookup.js';
import { mapFetchError } from './map-fetch-error.js';
import { OutboundExchange } from './outbound-exchange.js';
import { responseTooLargeError } from './response-too-large-error.js';
import { toUndiciRequestInit } from './to-undici-request-init.js';

/** Settings of the outbound HTTP adapter. */
export interface OutboundOptions {
  /**
   * Hosts, IPs and CIDRs that may be reached although they are not public
   * (SWITCHBOARD_ALLOW_PRIVATE_NETWORK, parsed with `parseAllowList`), e.g.
   * `['127.0.0.1', '::1', 'localhost', '10.0.0.0/8']`. Hostnames match the URL hostname exactly
   * (case-insensitive); IPs and CIDRs match the address connected to.
   */
  readonly allowPrivateNetwork: readonly string[];
  /**
   * Whole-request budget in ms, from the call until the last body byte has arrived (a body
   * the caller leaves unread past it errors); 30000 is a sane default.
   */
  readonly timeoutMs: number;
  /** Budget in ms for opening the TCP (and TLS) connection; undici's default is 10000. */
  readonly connectTimeoutMs?: number;
  /**
   * Cap in bytes on one response body, counted as received and, for content-encoded bodies,
   * again after decoding; beyond it reading errors with `upstream_response_too_large`, and a
   * larger Content-Length is refused at fetch time.
   */
  readonly maxResponseBytes: number;
  /** Replaces DNS resolution (for tests); same shape as `dns.lookup` with `{ all: true }`. */
  readonly lookup?: OutboundLookup;
}

/** The outbound HTTP adapter: the only place that opens sockets. */
export interface Outbound {
  /** Implements the core's outbound port; see `createOutbound` for what it enforces. */
  readonly fetch: OutboundFetch;
  /** Closes the connection pool; in-flight requests finish first. */
  close(): Promise<void>;
}

/**
 * Creates the outbound HTTP adapter: undici 7's `fetch` over one dedicated keep-alive `Agent`
 * whose connector enforces the SSRF guard on the address actually connected to.
 *
 * Every request: only http(s); never follows redirects (3xx is returned as is); a timeout over
 * the whole exchange, combined with the caller's `signal`; the body capped at
 * `maxResponseBytes`. Failures are `SwitchboardError`s — `destination_blocked`,
 * `upstream_timeout`, `upstream_unreachable`, `upstream_response_too_large` — whose messages
 * name the host, never the URL, headers or body. A caller's own abort rejects with its reason.
 *
 * @throws Error on invalid options or allow-list entries (at startup, not per request).
 */
export function createOutbound(options: OutboundOptions): Outbound {
  const { timeoutMs, maxResponseBytes, connectTimeoutMs } = options;
  assertPositive('timeoutMs', timeoutMs);
  assertPositive('connectTimeoutMs', connectTimeoutMs);
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 0) {
    throw new Error(`maxResponseBytes must be a non-negative integer, got ${maxResponseBytes}`);
  }

  const allowList = compileAllowList(options.allowPrivateNetwork);
  const guardDestination = createDestinationGuard(allowList);
  const baseConnect = buildConnector({
    timeout: connectTimeoutMs,
    lookup: createGuardedLookup(allowList, options.lookup ?? dnsLookup),
  });
  // One Agent for the adapter's lifetime: keep-alive pools per origin are what make the hot
  // path cheap, and the guard lives in its connector, so every new socket passes through it.
  const agent = new Agent({ connect: createGuardedConnector(allowList, baseConnect) });

  const fetch: OutboundFetch = async (input, init) => {
    const url = toUrl(input);
    guardDestination(url);
    const host = url.hostname;
    const callerSignal = init?.signal ?? undefined;
    if (callerSignal?.aborted === true) throw callerSignal.reason;

    const exchange = new OutboundExchange(agent, host, timeoutMs, maxResponseBytes, callerSignal);
    let response;
    try {
      response = await undiciFetch(url, toUndiciRequestInit(init, exchange.signal, exchange.dispatcher));
    } catch (error) {
      exchange.settle();
      throw mapFetchError(error, host, callerSignal);
    }

    const declaredLength = response.headers.get('content-length');
    if (declaredLength !== null && Number(declaredLength) > maxResponseBytes && response.body !== null) {
      const error = responseTooLargeError(host, maxResponseBytes);
      // Aborting drops the connection instead of draining a body nobody will read.
      exchange.abort(error);
      throw error;
    }
    // Identity bodies are counted byte for byte by the exchange's hook and errored through
    // fetch's own abort path, so the response can be handed over untouched. Decoded bodies
    // (and the unhooked fallback) are counted as the caller reads them.
    const counted = exchange.hooked && !isContentEncoded(response.headers.get('content-encoding'));
    const capped = counted ? response : capResponseBody(response, maxResponseBytes, host, callerSignal, () => exchange.settle());
    // undici's Response is the web Response (the class family of Node's global one); only the
    // declarations differ between undici's types and the DOM lib.
    return capped as unknown as Response;
  };

  // Idempotent: undici rejects a second Agent.close().
  let closing: Promise<void> | undefined;
  return { fetch, close: () => (closing ??= agent.close()) };
}

function toUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    // Node's URL error carries the input on `.input`; do not pass it on, it may hold secrets.
    throw new TypeError('The outbound request URL is not a valid absolute URL');
  }
}

/** undici decodes gzip, deflate, br and zstd bodies, so the bytes read can outgrow the bytes received. */
function isContentEncoded(contentEncoding: string | null): boolean {
  return contentEncoding !== null && contentEncoding.trim().toLowerCase() !== 'identity';
}

function assertPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new Error(`${name} must be a positive number of milliseconds, got ${value}`);
  }
}
