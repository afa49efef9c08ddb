import { describe, expect, it } from 'vitest';
import { normaliseExpiresIn, processTokenResponse, splitScopes } from './token-response.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('processTokenResponse', () => {
  it('accepts a standard JSON response and keeps extra fields', async () => {
    const outcome = await processTokenResponse(
      json({ access_token: 'at', refresh_token: 'rt', token_type: 'Bearer', expires_in: 3600, scope: 'a b', instance_url: 'https://x.example' }),
      ' ',
    );
    expect(outcome).toEqual({
      ok: true,
      tokens: { accessToken: 'at', refreshToken: 'rt', tokenType: 'Bearer', expiresIn: 3600, scopes: ['a', 'b'], fields: { instance_url: 'https://x.example' } },
    });
  });

  it('accepts form-encoded bodies and numeric-string expires_in', async () => {
    const outcome = await processTokenResponse(
      new Response('access_token=at&expires_in=120&scope=repo%2Cuser&token_type=bearer', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      ',',
    );
    expect(outcome.ok && outcome.tokens).toMatchObject({ accessToken: 'at', expiresIn: 120, scopes: ['repo', 'user'], refreshToken: null });
  });

  it('treats a response without an access token as a failure', async () => {
    const outcome = await processTokenResponse(json({ token_type: 'Bearer' }), ' ');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'rejected', error: 'missing_access_token' } });
  });

  it('sees an error returned with status 200', async () => {
    const outcome = await processTokenResponse(json({ error: 'bad_verification_code' }), ' ');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'rejected', error: 'bad_verification_code' } });
  });

  it('classifies invalid_grant, transient and other failures', async () => {
    expect(await processTokenResponse(json({ error: 'invalid_grant' }, 400), ' ')).toMatchObject({ ok: false, failure: { kind: 'invalid_grant' } });
    expect(await processTokenResponse(new Response('oops', { status: 503 }), ' ')).toMatchObject({ ok: false, failure: { kind: 'transient', status: 503 } });
    expect(await processTokenResponse(json({ error: 'slow_down' }, 429), ' ')).toMatchObject({ ok: false, failure: { kind: 'transient', status: 429 } });
    expect(await processTokenResponse(json({ error: 'invalid_client' }, 401), ' ')).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 401, error: 'invalid_client' } });
    expect(await processTokenResponse(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }), ' ')).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
  });
});

describe('normaliseExpiresIn', () => {
  it.each([
    [3600, 3600],
    ['3600', 3600],
    [' 60 ', 60],
    [1, 30],
    [0, null],
    [-5, null],
    ['soon', null],
    [null, null],
    [undefined, null],
    [1e12, 366 * 24 * 3600],
  ])('%j → %j', (input, expected) => {
    expect(normaliseExpiresIn(input as never)).toBe(expected);
  });
});

describe('splitScopes', () => {
  it('splits on spaces, commas and the connector separator, without duplicates', () => {
    expect(splitScopes('a b  a', ' ')).toEqual(['a', 'b']);
    expect(splitScopes('a,b', ' ')).toEqual(['a', 'b']);
    expect(splitScopes('a+b', '+')).toEqual(['a', 'b']);
  });
});
