import { invalidVariable } from './invalid-variable.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text with a lone UTF-16 surrogate before it is UTF-8 encoded into a URL, form or raw
 * body. Such text has no UTF-8 form (RFC 3629 §3): `encodeURIComponent` throws on it and
 * `URLSearchParams` / `TextEncoder` silently turn it into U+FFFD — sending bytes the caller never
 * wrote. (JSON bodies need no check: `JSON.stringify` escapes it as `\udXXX`, losslessly.)
 */
export function assertWellFormed(name: string, text: string): string {
  if (loneSurrogate.test(text)) {
    throw invalidVariable(name, 'invalid_unicode', `Variable "${name}" contains a lone UTF-16 surrogate, which has no UTF-8 encoding`);
  }
  return text;
}
