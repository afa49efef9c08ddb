import { describe, expect, it } from 'vitest';
import { mapUpstreamResponse } from './map-upstream-response.js';

const respond = (bytes: Uint8Array | string, headers: Record<string, string> = {}) =>
  mapUpstreamResponse(new Response(typeof bytes === 'string' ? bytes : new Uint8Array(bytes), { status: 201, headers }));

describe('mapUpstreamResponse', () => {
  it('parses JSON, keeps text as text and the status', async () => {
    expect(await respond('{"a":[1,"ü"]}', { 'content-type': 'application/json; charset=utf-8' })).toMatchObject({ status: 201, body: { a: [1, 'ü'] } });
    expect((await respond('{"a":1}', { 'content-type': 'application/problem+json' })).body).toEqual({ a: 1 });
    expect((await respond('not json', { 'content-type': 'application/json' })).body).toBe('not json');
    expect((await respond('plain ✓', { 'content-type': 'text/plain' })).body).toBe('plain ✓');
    expect((await respond('no type')).body).toBe('no type');
    expect((await respond('')).body).toBeNull();
  });

  it('decodes like a fatal TextDecoder: a BOM is dropped, malformed UTF-8 is base64', async () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const samples = [
      [0xef, 0xbb, 0xbf, 0x7b, 0x7d], // BOM + {}
      [0xef, 0xbb, 0xbf], // only a BOM
      [0x68, 0x69, 0xef, 0xbb, 0xbf], // a BOM later on is kept
      [0xc3, 0x28], // invalid continuation
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xc0, 0xaf], // overlong
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xe2, 0x82], // truncated
    ];
    for (const sample of samples) {
      const bytes = new Uint8Array(sample);
      let expected: string | null;
      try {
        expected = decoder.decode(bytes);
      } catch {
        expected = null;
      }
      const { body } = await respond(bytes, { 'content-type': 'text/plain' });
      if (expected === null) expect(body, sample.join(',')).toEqual({ base64: Buffer.from(bytes).toString('base64'), contentType: 'text/plain' });
      else expect(body, sample.join(',')).toBe(expected);
    }
  });

  it('drops hop-by-hop headers, those the Connection header names, and cookies', async () => {
    const { headers } = await respond('x', { connection: 'X-Hop, keep-alive', 'x-hop': '1', 'x-kept': '2', 'set-cookie': 'a=b', 'content-type': 'text/plain' });
    expect(headers).toEqual({ 'x-kept': '2', 'content-type': 'text/plain' });
  });
});
