/**
 * The only way the core reaches the network: a web-standard `fetch`.
 *
 * The production adapter (packages/outbound) enforces the SSRF guard on the address actually
 * connected to, never follows redirects, applies a timeout, and caps response bodies. Failures
 * are thrown as `SwitchboardError` with `destination_blocked`, `upstream_timeout`,
 * `upstream_unreachable` or `upstream_response_too_large`.
 */
export type OutboundFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;
