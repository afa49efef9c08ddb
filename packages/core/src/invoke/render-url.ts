import { assertWellFormed } from './assert-well-formed.js';
import { connectionBaseUrl } from './connection-base-url.js';
import { invalidVariable } from './invalid-variable.js';
import { isDotSegment } from './is-dot-segment.js';
import { parseTemplate } from './parse-template.js';
import { requireValue, type PlaceholderValues } from './placeholder-values.js';
import { renderScalar } from './render-scalar.js';
import { splitUrlTemplate } from './split-url-template.js';
import { verifyRenderedUrl } from './verify-rendered-url.js';

interface Placed {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Renders a URL template plus the API's `query` map into a `URL`.
 *
 * - Origin: literal in the template, or a `${connection.<field>}` prefix (see `connectionBaseUrl`).
 * - Path, query and fragment placeholders are percent-encoded with `encodeURIComponent`, which
 *   leaves only RFC 3986 §2.3 unreserved characters and `!*'()` unencoded: a value's `/`, `?`,
 *   `#`, `@`, `\` and `%` become `%2F`, `%3F`, `%23`, `%40`, `%5C`, `%25`, so a value can never
 *   add a segment, end the path, or name a host. Literal template text is kept as written.
 * - Dots: `.` and `..` are unreserved and stay as they are, and WHATWG URL resolves `%2e` like a
 *   dot, so encoding cannot neutralise them. A rendered segment that is a dot segment and
 *   contains a placeholder's output is therefore refused (`path_traversal`) — `/files/${name}`
 *   with `..` or `/files/.${ext}` with `.`. A value that merely contains dots (`a..b`, `.env`)
 *   is fine, and `%2e%2e` is encoded to `%252e%252e`, which no parser treats as a dot.
 * - `query` map: keys literal, values rendered, appended after the template's own query with
 *   `URLSearchParams` serialization (application/x-www-form-urlencoded); the template's query
 *   text is kept byte for byte.
 * - Finally the string is parsed and `verifyRenderedUrl` checks origin and path are unchanged.
 */
export function renderUrl(
  template: string,
  query: Readonly<Record<string, string>>,
  values: PlaceholderValues,
): URL {
  const parts = splitUrlTemplate(template);
  if ('error' in parts) throw invalidVariable(null, 'invalid_template', `The API's URL template is invalid: ${parts.error}`);

  const base =
    parts.origin.kind === 'literal'
      ? { origin: parts.origin.origin, basePath: '' }
      : connectionBaseUrl(parts.origin.placeholder, requireValue(values, parts.origin.placeholder));

  const placed: Placed[] = [];
  let path = '';
  for (const segment of parseTemplate(parts.path)) {
    if (segment.kind === 'literal') {
      path += segment.text;
      continue;
    }
    const start = path.length;
    path += encodeValue(segment.name, values);
    placed.push({ name: segment.name, start, end: path.length });
  }
  refuseDotSegments(path, placed);

  let search = parts.query === null ? null : renderComponent(parts.query, values);
  const appended = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, renderQueryValue(value, values)]),
  ).toString();
  if (appended !== '') {
    search = search === null || search === '' ? appended : search.endsWith('&') ? search + appended : `${search}&${appended}`;
  }
  const fragment = parts.fragment === null ? null : renderComponent(parts.fragment, values);

  const builtPath = base.basePath + path || '/';
  const href = `${base.origin}${builtPath}${search === null ? '' : `?${search}`}${fragment === null ? '' : `#${fragment}`}`;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw invalidVariable(null, 'invalid_template', 'The rendered URL does not parse');
  }
  verifyRenderedUrl(url, base.origin, builtPath);
  return url;
}

function encodeValue(name: string, values: PlaceholderValues): string {
  return encodeURIComponent(assertWellFormed(name, renderScalar(name, requireValue(values, name))));
}

/** Query and fragment templates: literal text kept, each value encoded as one component. */
function renderComponent(template: string, values: PlaceholderValues): string {
  let out = '';
  for (const segment of parseTemplate(template)) {
    out += segment.kind === 'literal' ? segment.text : encodeValue(segment.name, values);
  }
  return out;
}

/** A `query` map value: rendered as plain text; URLSearchParams encodes all of it afterwards. */
function renderQueryValue(template: string, values: PlaceholderValues): string {
  let out = '';
  for (const segment of parseTemplate(template)) {
    out +=
      segment.kind === 'literal'
        ? segment.text
        : assertWellFormed(segment.name, renderScalar(segment.name, requireValue(values, segment.name)));
  }
  return out;
}

function refuseDotSegments(path: string, placed: readonly Placed[]): void {
  let start = 0;
  for (const segment of path.split('/')) {
    const end = start + segment.length;
    if (isDotSegment(segment)) {
      // Touching counts: `.${x}` with x = '' still forms the segment `.` through x.
      const culprit = placed.find((p) => p.start <= end && p.end >= start);
      throw culprit === undefined
        ? invalidVariable(null, 'invalid_template', 'The URL template contains a "." or ".." path segment')
        : invalidVariable(culprit.name, 'path_traversal', `Variable "${culprit.name}" would form a "." or ".." path segment`);
    }
    start = end + 1;
  }
}
