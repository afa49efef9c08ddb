import { describe, expect, it } from 'vitest';
import { applyTokenPlacement } from './apply-token-placement.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import type { RenderedRequest } from './rendered-request.js';

const request = (href: string, headers: Array<[string, string]> = []): RenderedRequest => ({
  method: 'GET',
  url: new URL(href),
  headers,
  body: { kind: 'none' },
});

describe('applyTokenPlacement: header', () => {
  it('adds Authorization: Bearer by default placement values', () => {
    const out = applyTokenPlacement(request('https://h.test/x', [['Accept', 'application/json']]), { type: 'header', name: 'Authorization', prefix: 'Bearer ' }, 'tok');
    expect(out.headers).toEqual([
      ['Accept', 'application/json'],
      ['Authorization', 'Bearer tok'],
    ]);
  });

  it('replaces every same-named template header, case-insensitively, and leaves the input untouched', () => {
    const input = request('https://h.test/x', [
      ['authorization', 'Basic forged'],
      ['X-Other', '1'],
      ['AUTHORIZATION', 'again'],
    ]);
    const out = applyTokenPlacement(input, { type: 'header', name: 'Authorization', prefix: 'Bearer ' }, 'tok');
    expect(out.headers).toEqual([
      ['X-Other', '1'],
      ['Authorization', 'Bearer tok'],
    ]);
    expect(input.headers).toHaveLength(3);
  });

  it('supports a custom header and prefix', () => {
    expect(applyTokenPlacement(request('https://h.test/x'), { type: 'header', name: 'X-Api-Token', prefix: '' }, 'tok').headers).toEqual([['X-Api-Token', 'tok']]);
  });

  it('refuses a token that would split the header', () => {
    const error = catchSwitchboardError(() => applyTokenPlacement(request('https://h.test/x'), { type: 'header', name: 'Authorization', prefix: 'Bearer ' }, 'a\r\nX: y'));
    expect(error.code).toBe('token_exchange_failed');
    expect(error.message).not.toContain('a\r\nX');
  });
});

describe('applyTokenPlacement: query', () => {
  it('appends the parameter, encoded', () => {
    const out = applyTokenPlacement(request('https://h.test/x'), { type: 'query', name: 'access_token' }, 'a+b/c=');
    expect(out.url.href).toBe('https://h.test/x?access_token=a%2Bb%2Fc%3D');
    expect(out.url.searchParams.get('access_token')).toBe('a+b/c=');
  });

  it('replaces any parameter of that name and keeps the others byte for byte', () => {
    const input = request('https://h.test/x?q=a%20b&access_token=forged&x=%7E&access%5Ftoken=again#f');
    const out = applyTokenPlacement(input, { type: 'query', name: 'access_token' }, 'tok');
    expect(out.url.href).toBe('https://h.test/x?q=a%20b&x=%7E&access_token=tok#f');
    expect(input.url.href).toBe('https://h.test/x?q=a%20b&access_token=forged&x=%7E&access%5Ftoken=again#f');
  });

  it('does not touch the headers', () => {
    const out = applyTokenPlacement(request('https://h.test/x', [['Authorization', 'kept']]), { type: 'query', name: 'key' }, 'tok');
    expect(out.headers).toEqual([['Authorization', 'kept']]);
  });
});
