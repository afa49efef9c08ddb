import type { TokenPlacement } from '@switchboard/contracts';
import { SwitchboardError } from '../switchboard-error.js';
import { isValidHeaderValue } from './is-valid-header-value.js';
import type { RenderedRequest } from './rendered-request.js';

/**
 * Attaches the access token to a rendered request; returns a new request.
 *
 * - `header`: `<name>: <prefix><token>` (default `Authorization: Bearer …`, RFC 6750 §2.1).
 *   Any header of that name from the API template is removed first (names compare
 *   case-insensitively, RFC 9110 §5.1), so a template cannot send a second credential.
 * - `query`: the parameter (default `access_token`, RFC 6750 §2.3) is set, replacing any of the
 *   same name; the other parameters keep their exact encoding (URLSearchParams#set would
 *   re-serialize the whole query).
 *
 * A token that is not a valid header value could split the request; it comes from the provider,
 * so that is reported as `token_exchange_failed`, not as a caller error.
 */
export function applyTokenPlacement(request: RenderedRequest, placement: TokenPlacement, accessToken: string): RenderedRequest {
  if (placement.type === 'header') {
    const value = `${placement.prefix}${accessToken}`;
    if (!isValidHeaderValue(value)) {
      throw new SwitchboardError('token_exchange_failed', 'The access token contains characters not allowed in an HTTP header');
    }
    const name = placement.name.toLowerCase();
    const headers = request.headers.filter(([header]) => header.toLowerCase() !== name);
    headers.push([placement.name, value]);
    return { ...request, headers };
  }

  const url = new URL(request.url.href);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && new URLSearchParams(pair).keys().next().value !== placement.name);
  kept.push(new URLSearchParams([[placement.name, accessToken]]).toString());
  url.search = `?${kept.join('&')}`;
  return { ...request, url };
}
