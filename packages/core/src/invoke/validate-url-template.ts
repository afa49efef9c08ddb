import { isSwitchboardError } from '../switchboard-error.js';
import { parseTemplate } from './parse-template.js';
import { renderUrl } from './render-url.js';
import { splitUrlTemplate } from './split-url-template.js';

/** A stand-in for the connection field that supplies an origin, used only to test the template. */
const sampleBaseUrl = 'https://connection.invalid';

/**
 * Checks a URL template when an API is created or updated; returns why it is unusable, or null.
 *
 * Beyond the shape (`splitUrlTemplate`: literal origin, or `${connection.<field>}` at the start
 * followed by `/`, `?`, `#` or the end), the template is rendered once with a harmless sample for
 * every placeholder and must pass the same checks as a real request. That rejects, before any
 * caller meets them, literal dot segments and literal path text the URL parser would rewrite
 * (spaces, `\`, non-ASCII, `{}`): the render-time backstop compares the parsed path to the built
 * one, so such a template could never be sent. Fragments are refused: a fragment is not part of
 * the target URI and is never sent (RFC 9110 §7.1, RFC 3986 §3.5).
 */
export function validateUrlTemplate(url: string): string | null {
  const parts = splitUrlTemplate(url);
  if ('error' in parts) return parts.error;
  if (parts.fragment !== null) return 'must not contain a fragment (#): fragments are never sent to the server';
  for (const segment of parseTemplate(url)) {
    if (segment.kind === 'placeholder' && segment.name === 'connection.') return 'a ${connection.<field>} placeholder needs a field name';
  }
  try {
    renderUrl(url, {}, (name) => (parts.origin.kind === 'connection' && name === parts.origin.placeholder ? sampleBaseUrl : 'x'));
  } catch (error) {
    if (!isSwitchboardError(error)) throw error;
    switch (error.details['reason']) {
      case 'invalid_template':
        return error.message.replace(/^The API's URL template is invalid: /, '');
      case 'path_traversal':
        return 'the path must be in canonical form: no "." or ".." segments, and percent-encode spaces, "\\", non-ASCII and other characters the URL parser rewrites';
      default:
        return 'the URL cannot be rendered safely';
    }
  }
  return null;
}
