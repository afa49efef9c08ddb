import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json-value.js';
import { catchSwitchboardError } from './catch-switchboard-error.js';
import { createPlaceholderValues } from './placeholder-values.js';
import { renderFormBody } from './render-form-body.js';

const render = (template: string | undefined, variables: Record<string, JsonValue>, unplaced: Record<string, JsonValue> = {}) =>
  renderFormBody(template, createPlaceholderValues(variables, {}), unplaced);

describe('renderFormBody', () => {
  it('form-encodes each value (WHATWG urlencoded serializer) and keeps literal text', () => {
    expect(render('grant=x&name=${name}&n=${n}&b=${b}&z=${z}', { name: 'a b&c=d+e%f/é*~', n: 1, b: true, z: null })).toBe(
      'grant=x&name=a+b%26c%3Dd%2Be%25f%2F%C3%A9*%7E&n=1&b=true&z=',
    );
  });

  it('cannot add a field through a value', () => {
    expect(new URLSearchParams(render('a=${x}', { x: '1&admin=true' })).get('admin')).toBeNull();
  });

  it('sends the unplaced variables as fields when there is no template', () => {
    expect(render(undefined, {}, { First_Name: 'Alfred', Phone_Number: '', age: 30 })).toBe('First_Name=Alfred&Phone_Number=&age=30');
  });

  it('refuses objects and lone surrogates', () => {
    expect(catchSwitchboardError(() => render('a=${x}', { x: [1] })).details).toEqual({ variable: 'x', reason: 'not_a_scalar' });
    expect(catchSwitchboardError(() => render(undefined, {}, { x: { a: 1 } })).details).toEqual({ variable: 'x', reason: 'not_a_scalar' });
    expect(catchSwitchboardError(() => render('a=${x}', { x: '\uDC00' })).details).toEqual({ variable: 'x', reason: 'invalid_unicode' });
  });
});
