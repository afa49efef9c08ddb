import type { JsonValue } from '../json-value.js';
import { invalidVariable } from './invalid-variable.js';

/** The origin and path prefix a `${connection.<field>}` URL prefix supplies. */
export interface BaseUrl {
  /** `scheme://host[:port]`, serialized by WHATWG URL. */
  readonly origin: string;
  /** The field's path without its trailing `/` (`''` for a bare origin), already canonical. */
  readonly basePath: string;
}

/**
 * Reads a connection field used as the URL prefix (Salesforce's `instance_url`). It comes from
 * the provider's token response, not the caller, but it still decides where the access token is
 * sent, so it must be an absolute http(s) URL without credentials, query or fragment.
 */
export function connectionBaseUrl(placeholder: string, value: JsonValue): BaseUrl {
  const reject = () =>
    invalidVariable(placeholder, 'invalid_base_url', `${placeholder} must be an absolute http(s) URL without credentials, query or fragment`);
  if (typeof value !== 'string') throw reject();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw reject();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw reject();
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') throw reject();
  // `value.includes('?')` catches a bare trailing `?`, which URL serializes away.
  if (value.includes('?') || value.includes('#')) throw reject();
  return { origin: url.origin, basePath: url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname };
}
