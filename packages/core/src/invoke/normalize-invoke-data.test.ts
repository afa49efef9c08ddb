import type { InvokeDataInput } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { catchSwitchboardError as thrown } from './catch-switchboard-error.js';
import { normalizeInvokeData } from './normalize-invoke-data.js';

describe('normalizeInvokeData', () => {
  it('merges flat keys and VARIABLES; VARIABLES wins on a clash', () => {
    const data: InvokeDataInput = { First_Name: 'Alfred', email: 'flat@x.test', VARIABLES: { email: 'vars@x.test', age: 30 } };
    expect(normalizeInvokeData(data)).toEqual({
      variables: { First_Name: 'Alfred', email: 'vars@x.test', age: 30 },
      parts: [],
    });
  });

  it('keeps empty strings, null and structured values as variables', () => {
    const { variables } = normalizeInvokeData({ Phone_Number: '', note: null, tags: ['a'], address: { city: 'Oslo' } });
    expect(variables).toEqual({ Phone_Number: '', note: null, tags: ['a'], address: { city: 'Oslo' } });
  });

  it('keeps a __proto__ key as an own variable without touching the prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as InvokeDataInput;
    const { variables } = normalizeInvokeData(data);
    expect(Object.hasOwn(variables, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(variables)).toBe(Object.prototype);
    expect((variables as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('does not treat the reserved keys as variables and passes CONTENT_TYPE through', () => {
    const result = normalizeInvokeData({ CONTENT_TYPE: 'multipart', x: 1 });
    expect(result.variables).toEqual({ x: 1 });
    expect(result.contentType).toBe('multipart');
  });

  it('decodes PARTS and FILE contents to bytes', () => {
    const result = normalizeInvokeData({
      PARTS: [
        { name: 'meta', value: '{"a":1}' },
        { name: 'doc', filename: 'a.bin', contentType: 'application/octet-stream', content: 'AAEC/w==' },
      ],
      FILE: { name: 'file', filename: 'hello.txt', contentType: 'text/plain', content: 'aGVsbG8=' },
    });
    expect(result.parts).toEqual([
      { name: 'meta', value: '{"a":1}' },
      { name: 'doc', filename: 'a.bin', contentType: 'application/octet-stream', bytes: new Uint8Array([0, 1, 2, 255]) },
    ]);
    expect(result.file).toEqual({ name: 'file', filename: 'hello.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hello') });
    expect(result.file?.bytes.constructor).toBe(Uint8Array);
  });

  it.each([
    ['missing padding', 'aGVsbG8'],
    ['non-zero pad bits', 'aGVsbG9='],
    ['url-safe alphabet', 'a-_b'],
    ['whitespace', 'aGVs bG8='],
    ['bad characters', '!!!!'],
    ['padding in the middle', 'aA==aA=='],
  ])('rejects non-canonical base64 (%s) with invalid_base64', (_label, content) => {
    const error = thrown(() => normalizeInvokeData({ FILE: { name: 'file', filename: 'f', contentType: 'text/plain', content } }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ variable: 'FILE.content', reason: 'invalid_base64' });
  });

  it('names the failing part', () => {
    const error = thrown(() =>
      normalizeInvokeData({
        PARTS: [
          { name: 'a', value: 'x' },
          { name: 'b', filename: 'b', contentType: 'text/plain', content: 'x' },
        ],
      }),
    );
    expect(error.details).toEqual({ variable: 'PARTS[1].content', reason: 'invalid_base64' });
  });

  it('accepts empty content', () => {
    expect(normalizeInvokeData({ FILE: { name: 'file', filename: 'e', contentType: 'text/plain', content: '' } }).file?.bytes).toEqual(new Uint8Array());
  });
});
