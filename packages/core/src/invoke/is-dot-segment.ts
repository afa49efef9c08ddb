/**
 * Whether a path segment is `.` or `..` as WHATWG URL sees it: the path parser treats `%2e`
 * (any case) exactly like `.`, so `%2e%2e` and `.%2E` also climb a level (WHATWG URL, "single-dot
 * URL path segment" / "double-dot URL path segment"; RFC 3986 §5.2.4 removes the plain forms).
 */
export function isDotSegment(segment: string): boolean {
  const dots = segment.replace(/%2e/gi, '.');
  return dots === '.' || dots === '..';
}
