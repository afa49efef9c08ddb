import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json-value.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { createPlaceholderValues } from './placeholder-values.js';
import { renderJsonBody } from './render-json-body.js';

const render = (template: string | undefined, variables: Record<string, JsonValue>, unplaced: Record<string, JsonValue> = {}) =>
  renderJsonBody(template, createPlaceholderValues(variables, { token: 'secret-token' }), unplaced);

describe('renderJsonBody: typing rules', () => {
  it('a whole-string placeholder takes the JSON type of the value', () => {
    const template = '{"age": "${age}", "zip": "${zip}", "ok": "${ok}", "tags": "${tags}", "addr": "${addr}", "none": "${none}"}';
    const out = render(template, { age: 30, zip: '0150', ok: false, tags: ['a', 'b'], addr: { city: 'Oslo' }, none: null });
    expect(out).toBe('{"age": 30, "zip": "0150", "ok": false, "tags": ["a","b"], "addr": {"city":"Oslo"}, "none": null}');
  });

  it('a placeholder outside any string becomes the JSON value', () => {
    expect(render('{"n": ${n}, "s": ${s}, "o": ${o}, "l": [${a}, ${b}]}', { n: 1.5, s: 'x"y', o: { k: [1] }, a: null, b: true })).toBe(
      '{"n": 1.5, "s": "x\\"y", "o": {"k":[1]}, "l": [null, true]}',
    );
  });

  it('inside a longer string the value is JSON-escaped text', () => {
    const out = render('{"greeting": "Hi ${name}, you are ${age} (${meta}) [${nil}]"}', {
      name: 'Bob "the" \\builder\n',
      age: 30,
      meta: { a: '"' },
      nil: null,
    });
    expect(out).toBe('{"greeting": "Hi Bob \\"the\\" \\\\builder\\n, you are 30 ({\\"a\\":\\"\\\\\\"\\"}) []"}');
    expect(JSON.parse(out)).toEqual({ greeting: 'Hi Bob "the" \\builder\n, you are 30 ({"a":"\\""}) []' });
  });

  it('two placeholders sharing a string are both text, whatever the first renders to', () => {
    expect(render('{"v": "${a}${b}"}', { a: '', b: 5 })).toBe('{"v": "5"}');
    expect(render('{"v": "${a}${b}"}', { a: 1, b: 2 })).toBe('{"v": "12"}');
  });

  it('a placeholder in key position stays a string', () => {
    expect(render('{"${key}": "${value}", "${n}" : 1}', { key: 'name', value: 7, n: 3 })).toBe('{"name": 7, "3" : 1}');
  });

  it('values cannot change the structure of the document', () => {
    const injection = '", "admin": true, "x": "';
    const out = render('{"name": "${name}", "note": "n: ${name}", "raw": ${name}}', { name: injection });
    expect(JSON.parse(out)).toEqual({ name: injection, note: `n: ${injection}`, raw: injection });
  });

  it('keeps lone surrogates losslessly as JSON escapes', () => {
    expect(render('{"v": "x${s}"}', { s: '\uD800' })).toBe('{"v": "x\\ud800"}');
  });

  it('honours the $${ escape and escaped quotes in the template', () => {
    expect(render('{"tpl": "$${name}", "q": "a\\"${name}\\"", "p": "${name}"}', { name: 'v' })).toBe(
      '{"tpl": "${name}", "q": "a\\"v\\"", "p": "v"}',
    );
  });

  it('reads connection fields too', () => {
    expect(render('{"t": "${connection.token}"}', {})).toBe('{"t": "secret-token"}');
  });
});

describe('renderJsonBody: failures', () => {
  it('refuses output that is not JSON, without echoing it', () => {
    const error = catchSwitchboardError(() => render('{"a": ${a} "b": "${connection.token}"}', { a: 1 }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ reason: 'invalid_json' });
    expect(error.message).not.toContain('secret-token');
    expect(error.cause).toBeUndefined();
  });

  it('refuses a placeholder right after a backslash in a string', () => {
    expect(catchSwitchboardError(() => render('{"a": "x\\${v}"}', { v: '"' })).details).toEqual({ variable: 'v', reason: 'invalid_template' });
  });
});

describe('renderJsonBody: no template', () => {
  it('sends the unplaced variables as one object', () => {
    expect(render(undefined, {}, { First_Name: 'Alfred', age: 3, tags: ['x'] })).toBe('{"First_Name":"Alfred","age":3,"tags":["x"]}');
    expect(render('', {}, {})).toBe('{}');
  });
});
