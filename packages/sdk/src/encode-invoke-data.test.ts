import { describe, expect, it } from 'vitest';
import { encodeInvokeData } from './encode-invoke-data.js';
import { SwitchboardError } from './switchboard-error.js';

const fields = async (form: FormData) =>
  Promise.all(
    [...form.entries()].map(async ([name, value]) =>
      typeof value === 'string' ? { name, value } : { name, filename: value.name, type: value.type, text: await value.text() },
    ),
  );

describe('encodeInvokeData', () => {
  it('keeps data without a Blob as the JSON form, base64 files included', () => {
    const data = {
      First_Name: 'Ada',
      VARIABLES: { Last_Name: 'Lovelace' },
      CONTENT_TYPE: 'multipart' as const,
      PARTS: [{ name: 'note', value: 'q3' }, { name: 'doc', filename: 'a.txt', content: 'aGk=' }],
      FILE: { filename: 'b.txt', contentType: 'text/plain', content: 'aGk=' },
    };
    expect(encodeInvokeData(data)).toEqual({
      json: {
        First_Name: 'Ada',
        VARIABLES: { Last_Name: 'Lovelace' },
        CONTENT_TYPE: 'multipart',
        PARTS: [{ name: 'note', value: 'q3' }, { name: 'doc', filename: 'a.txt', content: 'aGk=' }],
        FILE: { filename: 'b.txt', contentType: 'text/plain', content: 'aGk=' },
      },
    });
    expect(encodeInvokeData()).toEqual({ json: {} });
  });

  it('sends a Blob FILE as multipart: variables merged into VARIABLES (VARIABLES wins), parts in order, then FILE', async () => {
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    const encoded = encodeInvokeData({ A: 1, B: 'flat', VARIABLES: { B: 'explicit' }, CONTENT_TYPE: 'multipart', PARTS: [{ name: 'note', value: 'q3' }], FILE: file });
    expect('form' in encoded).toBe(true);
    if (!('form' in encoded)) return;
    expect(await fields(encoded.form)).toEqual([
      { name: 'VARIABLES', value: JSON.stringify({ A: 1, B: 'explicit' }) },
      { name: 'CONTENT_TYPE', value: 'multipart' },
      { name: 'note', value: 'q3' },
      { name: 'FILE', filename: 'hello.txt', type: 'text/plain', text: 'hello' },
    ]);
  });

  it('goes multipart for a Blob part; base64 parts are decoded, declared types and names win, a named FILE is the last part', async () => {
    const encoded = encodeInvokeData({
      PARTS: [
        { name: 'raw', value: new Blob(['abc'], { type: 'application/x-abc' }) },
        { name: 'doc', filename: 'doc.txt', contentType: 'text/plain', content: new Blob(['doc']) },
        { name: 'b64', filename: 'b.bin', content: btoa('bytes') },
      ],
      FILE: { name: 'attachment', filename: 'renamed.csv', contentType: 'text/csv', content: new File(['x,y'], 'orig.csv') },
    });
    if (!('form' in encoded)) throw new Error('expected multipart');
    expect(await fields(encoded.form)).toEqual([
      { name: 'raw', filename: 'file', type: 'application/x-abc', text: 'abc' },
      { name: 'doc', filename: 'doc.txt', type: 'text/plain', text: 'doc' },
      { name: 'b64', filename: 'b.bin', type: '', text: 'bytes' },
      { name: 'attachment', filename: 'renamed.csv', type: 'text/csv', text: 'x,y' },
    ]);
  });

  it('refuses a Blob as a variable and base64 that is not', () => {
    expect(() => encodeInvokeData({ note: new Blob(['x']) as never })).toThrow(SwitchboardError);
    try {
      encodeInvokeData({ FILE: new Blob(['x']), PARTS: [{ name: 'p', filename: 'p', content: '%%%' }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SwitchboardError);
      expect((error as SwitchboardError).code).toBe('invalid_argument');
      expect((error as SwitchboardError).message).toContain('PARTS[0].content');
    }
  });
});

describe('encodeInvokeData: what plain JavaScript may pass', () => {
  const invalidArgument = (run: () => unknown, mentions: string) => {
    let error: unknown;
    try {
      run();
    } catch (caught) {
      error = caught;
    }
    expect(error, mentions).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid_argument');
    expect((error as SwitchboardError).message).toContain(mentions);
  };

  it('refuses malformed data, PARTS and FILE with invalid_argument naming the field, not a TypeError', () => {
    invalidArgument(() => encodeInvokeData('First_Name=Ada' as never), 'must be an object');
    invalidArgument(() => encodeInvokeData([] as never), 'must be an object');
    invalidArgument(() => encodeInvokeData({ VARIABLES: 'x' as never }), 'VARIABLES');
    invalidArgument(() => encodeInvokeData({ PARTS: { name: 'note', value: 'x' } as never }), 'PARTS must be an array');
    invalidArgument(() => encodeInvokeData({ PARTS: ['note' as never] }), 'PARTS[0]');
    invalidArgument(() => encodeInvokeData({ PARTS: [{ name: 'ok', value: 'x' }, { value: 'x' } as never] }), 'PARTS[1]');
    invalidArgument(() => encodeInvokeData({ PARTS: [{ name: 'n', value: 42 as never }] }), 'PARTS[0]');
    invalidArgument(() => encodeInvokeData({ FILE: 'aGk=' as never }), 'FILE must be');
    invalidArgument(() => encodeInvokeData({ FILE: { filename: 'a.txt' } as never }), 'FILE must be');
  });

  it('refuses, in the multipart form only, part names the form reserves for the data object’s members', async () => {
    const blob = new Blob(['x']);
    for (const name of ['VARIABLES', 'CONTENT_TYPE', 'FILE']) {
      invalidArgument(() => encodeInvokeData({ PARTS: [{ name, value: 'v' }], FILE: blob }), `"${name}"`);
      invalidArgument(() => encodeInvokeData({ PARTS: [{ name, content: blob }] }), `"${name}"`);
    }
    invalidArgument(() => encodeInvokeData({ FILE: { name: 'VARIABLES', content: blob } }), '"VARIABLES"');
    invalidArgument(() => encodeInvokeData({ FILE: { name: 'FILE', content: blob } }), '"FILE"');
    // In the JSON form a part's name is just a name.
    expect(encodeInvokeData({ PARTS: [{ name: 'VARIABLES', value: 'v' }] })).toEqual({ json: { PARTS: [{ name: 'VARIABLES', value: 'v' }] } });
    // `name: 'file'` is the default FILE field, not a part.
    const encoded = encodeInvokeData({ FILE: { name: 'file', content: blob } });
    if (!('form' in encoded)) throw new Error('expected multipart');
    expect((await fields(encoded.form)).map((field) => field.name)).toEqual(['FILE']);
  });

  it('keeps a variable named __proto__ as a variable in both forms', async () => {
    const data = JSON.parse('{"__proto__": "x", "VARIABLES": {"b": 1}}') as Record<string, string>;
    const json = encodeInvokeData(data);
    if (!('json' in json)) throw new Error('expected JSON');
    expect(JSON.parse(JSON.stringify(json.json))).toEqual(JSON.parse('{"__proto__": "x", "VARIABLES": {"b": 1}}'));
    const form = encodeInvokeData({ ...data, FILE: new Blob(['x']) });
    if (!('form' in form)) throw new Error('expected multipart');
    expect((await fields(form.form))[0]).toEqual({ name: 'VARIABLES', value: '{"__proto__":"x","b":1}' });
  });

  it('refuses variables JSON cannot carry in the multipart form with invalid_argument', () => {
    invalidArgument(() => encodeInvokeData({ big: 1n as never, FILE: new Blob(['x']) }), 'cannot be sent as JSON');
  });
});
