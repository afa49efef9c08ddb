import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json-value.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { createPlaceholderValues } from './placeholder-values.js';
import { renderHeaders } from './render-headers.js';

const render = (headers: Record<string, string>, variables: Record<string, JsonValue>, connection: Record<string, JsonValue> = {}) =>
  renderHeaders(headers, createPlaceholderValues(variables, connection));

describe('renderHeaders', () => {
  it('renders values raw, in definition order, with literal names', () => {
    expect(
      render(
        { 'X-Api-Version': '2024-01-01', 'X-Request': '${id}; q="${q}"', 'X-Tenant': '${connection.tenant}', 'X-N': '${n} ${b} [${nil}]' },
        { id: 'a b%20c', q: 'x,y', n: 7, b: true, nil: null },
        { tenant: 't-1' },
      ),
    ).toEqual([
      ['X-Api-Version', '2024-01-01'],
      ['X-Request', 'a b%20c; q="x,y"'],
      ['X-Tenant', 't-1'],
      ['X-N', '7 true []'],
    ]);
  });

  it('allows HTAB and obs-text (RFC 9110 §5.5)', () => {
    expect(render({ X: '${v}' }, { v: 'a\tb ÿ' })).toEqual([['X', 'a\tb ÿ']]);
  });

  it.each([
    ['CR LF', 'x\r\nSet-Cookie: a=b'],
    ['LF', 'x\ny'],
    ['CR', 'x\ry'],
    ['NUL', 'x\u0000y'],
    ['another control', 'x\u0007y'],
    ['DEL', 'x\u007Fy'],
    ['beyond U+00FF', 'x☕'],
    ['a lone surrogate', 'x\uD800'],
  ])('rejects %s in a value with invalid_header_value', (_label, value) => {
    const error = catchSwitchboardError(() => render({ 'X-Note': 'note: ${note}' }, { note: value }));
    expect(error.code).toBe('invalid_variable');
    expect(error.details).toEqual({ variable: 'note', reason: 'invalid_header_value' });
    expect(error.message).not.toContain(value);
  });

  it('rejects objects and arrays', () => {
    expect(catchSwitchboardError(() => render({ X: '${v}' }, { v: { a: 1 } })).details).toEqual({ variable: 'v', reason: 'not_a_scalar' });
  });

  it('rejects an invalid literal part without naming a variable', () => {
    expect(catchSwitchboardError(() => render({ X: 'a\u0001${v}' }, { v: 'x' })).details).toEqual({ reason: 'invalid_header_value' });
  });
});
