import { SwitchboardError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { mapFetchError } from './map-fetch-error.js';

const secretUrl = 'http://api.test/items?api_key=SECRET';

describe('mapFetchError', () => {
  it('passes SwitchboardErrors and the caller’s abort reason through', () => {
    const own = new SwitchboardError('upstream_timeout', 'late');
    expect(mapFetchError(own, 'api.test', undefined)).toBe(own);
    const reason = new Error('caller');
    expect(mapFetchError(reason, 'api.test', AbortSignal.abort(reason))).toBe(reason);
  });

  it.each([
    ['ECONNREFUSED', 'upstream_unreachable'],
    ['ECONNRESET', 'upstream_unreachable'],
    ['ENOTFOUND', 'upstream_unreachable'],
    ['UND_ERR_SOCKET', 'upstream_unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'upstream_timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'upstream_timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'upstream_timeout'],
  ])('maps a fetch failure caused by %s to %s, naming only the host', (code, expected) => {
    const cause = Object.assign(new Error(`${code} ${secretUrl}`), { code });
    for (const message of ['fetch failed', 'terminated']) {
      const mapped = mapFetchError(new TypeError(message, { cause }), 'api.test', undefined) as SwitchboardError;
      expect(mapped).toMatchObject({ code: expected, details: { host: 'api.test', reason: code } });
      expect(mapped.message).not.toContain('SECRET');
    }
  });

  it('unwraps a SwitchboardError cause (an SSRF refusal from the connector)', () => {
    const blocked = new SwitchboardError('destination_blocked', 'no');
    expect(mapFetchError(new TypeError('fetch failed', { cause: blocked }), 'x', undefined)).toBe(blocked);
  });

  it('maps the fetch standard’s bad port to destination_blocked', () => {
    const mapped = mapFetchError(new TypeError('fetch failed', { cause: new Error('bad port') }), 'api.test', undefined);
    expect(mapped).toMatchObject({ code: 'destination_blocked' });
  });

  it('replaces request-building errors, whose messages echo header values', () => {
    const mapped = mapFetchError(new TypeError('Headers.append: "SECRET" is an invalid header value.'), 'api.test', undefined) as SwitchboardError;
    expect(mapped.code).toBe('internal_error');
    expect(mapped.message).not.toContain('SECRET');
  });
});
