import { describe, expect, it } from 'vitest';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { verifyRenderedUrl } from './verify-rendered-url.js';

// The backstop on its own: what the URL parser makes of strings an encoding mistake could build.
describe('verifyRenderedUrl', () => {
  it('accepts a URL whose origin and path are what was built', () => {
    expect(() => verifyRenderedUrl(new URL('https://h.test/a/%2e%2ex/b?q=1'), 'https://h.test', '/a/%2e%2ex/b')).not.toThrow();
  });

  it.each([
    ['https://h.test/a/../admin', '/a/../admin'],
    ['https://h.test/a/%2e%2e/admin', '/a/%2e%2e/admin'],
    ['https://h.test/a/.%2E/admin', '/a/.%2E/admin'],
    ['https://h.test/a/./b', '/a/./b'],
    ['https://h.test/a\\b', '/a\\b'],
    ['https://h.test/a b', '/a b'],
    ['https://h.test/é', '/é'],
  ])('refuses %s: the parser rewrote the path', (href, built) => {
    const error = catchSwitchboardError(() => verifyRenderedUrl(new URL(href), 'https://h.test', built));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ reason: 'path_traversal' });
  });

  it.each([
    ['https://h.test@evil.com/x', '/x'],
    ['https://evil.com/x', '/x'],
    ['https://h.test:444/x', '/x'],
    ['http://h.test/x', '/x'],
    ['https://user:pw@h.test/x', '/x'],
  ])('refuses %s: the origin changed or carries credentials', (href, built) => {
    const error = catchSwitchboardError(() => verifyRenderedUrl(new URL(href), 'https://h.test', built));
    expect(error.details).toEqual({ reason: 'origin_change' });
  });

  it('refuses a host glued in front of the path; a path starting with // stays a path', () => {
    // `https:` + `//evil.com/x` parses as a new authority.
    expect(catchSwitchboardError(() => verifyRenderedUrl(new URL('https:' + '//evil.com/x'), 'https://h.test', '/x')).details.reason).toBe('origin_change');
    // After an authority, WHATWG URL keeps `//evil.com/x` as the path: the host is unchanged.
    expect(() => verifyRenderedUrl(new URL('https://h.test' + '//evil.com/x'), 'https://h.test', '//evil.com/x')).not.toThrow();
  });
});
