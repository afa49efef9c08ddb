import { invalidVariable } from './invalid-variable.js';

/**
 * The backstop after rendering: the parsed URL must have exactly the expected origin, no
 * credentials, and the very path string that was built. Rendering already encodes every value,
 * so this only fires when something was missed — the URL parser resolving a dot segment,
 * converting `\` to `/`, re-encoding characters, or a host appearing where none should. The
 * request is refused rather than sent somewhere nobody checked.
 */
export function verifyRenderedUrl(url: URL, expectedOrigin: string, expectedPath: string): void {
  if (url.origin !== expectedOrigin || url.username !== '' || url.password !== '') {
    throw invalidVariable(null, 'origin_change', 'The rendered URL would change the origin of the API; the request was not sent');
  }
  if (url.pathname !== expectedPath) {
    throw invalidVariable(null, 'path_traversal', 'The URL parser would rewrite the rendered path (dot segment or non-canonical character); the request was not sent');
  }
}
