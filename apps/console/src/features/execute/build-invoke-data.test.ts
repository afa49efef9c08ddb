import { invokeDataSchema } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { buildInvokeData, buildInvokeForm, parseExtraData, variableInputs } from './build-invoke-data.js';
import { base64Bytes, formatResponseBody } from './format-response-body.js';

describe('invoke data from the Execute panel', () => {
  it('sends the inputs as VARIABLES over the extra data, an empty one as "" (the server accepts it)', () => {
    const variables = variableInputs({ First_Name: 'Ada', Last_Name: '' }, ['First_Name', 'Last_Name', 'Phone_Number']);
    expect(variables).toEqual({ First_Name: 'Ada', Last_Name: '', Phone_Number: '' });
    const extra = parseExtraData('{"Age": 42, "VARIABLES": {"First_Name": "x", "tags": ["a"]}}');
    expect(extra.ok).toBe(true);
    const data = buildInvokeData(variables, extra.ok ? extra.value : {});
    expect(invokeDataSchema.parse(data)).toEqual({ Age: 42, VARIABLES: { First_Name: 'Ada', tags: ['a'], Last_Name: '', Phone_Number: '' } });
  });

  it('never lets an empty input hide a value the extra data gives, flat or in VARIABLES', () => {
    const variables = variableInputs({}, ['Age', 'tags', 'Email_ID']);
    const data = buildInvokeData(variables, { Age: 42, VARIABLES: { tags: ['a'] } });
    // VARIABLES wins over flat keys at the server, so Age must not be in it as "".
    expect(data).toEqual({ Age: 42, VARIABLES: { tags: ['a'], Email_ID: '' } });
    const form = buildInvokeForm(variables, { Age: 42, VARIABLES: { tags: ['a'] } }, null);
    expect(JSON.parse(String(form.get('VARIABLES')))).toEqual({ Age: 42, tags: ['a'], Email_ID: '' });
  });

  it('explains extra data that is not a JSON object', () => {
    expect(parseExtraData('')).toEqual({ ok: true, value: {} });
    expect(parseExtraData('[1]')).toMatchObject({ ok: false, error: expect.stringContaining('JSON object') });
    expect(parseExtraData('{oops')).toMatchObject({ ok: false, error: expect.stringContaining('Not valid JSON') });
  });

  it('builds a multipart form with VARIABLES as JSON text and the file as FILE', async () => {
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const form = buildInvokeForm({ a: '1' }, { b: 2, PARTS: [{ name: 'note', value: 'hi' }] }, file);
    expect(JSON.parse(String(form.get('VARIABLES')))).toEqual({ b: 2, a: '1' });
    expect(form.get('note')).toBe('hi');
    const sent = form.get('FILE') as File;
    expect(sent.name).toBe('note.txt');
    expect(await sent.text()).toBe('hello');
  });
});

describe('formatResponseBody', () => {
  it('pretty-prints JSON, keeps text, sizes binary and calls null empty', () => {
    expect(formatResponseBody({ a: [1] })).toEqual({ kind: 'json', text: '{\n  "a": [\n    1\n  ]\n}' });
    expect(formatResponseBody('plain')).toEqual({ kind: 'text', text: 'plain' });
    expect(formatResponseBody({ base64: 'aGVsbG8=', contentType: 'image/png' })).toEqual({ kind: 'binary', contentType: 'image/png', bytes: 5 });
    expect(formatResponseBody(null)).toEqual({ kind: 'empty' });
    expect(base64Bytes('aGk=')).toBe(2);
  });
});
