import type { JsonValue } from '../json-value.js';
import { invalidVariable } from './invalid-variable.js';

/**
 * The text form of a value placed in text (URL, query, header, form, raw, multipart value):
 * strings as is, numbers and booleans via `String`, `null` as the empty string (the caller sent
 * the name, so it is present). Objects and arrays have no single text form there, so they are
 * refused rather than silently becoming `[object Object]`.
 */
export function renderScalar(name: string, value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidVariable(name, 'not_a_scalar', `Variable "${name}" is an object or array, but is placed where only text can go`);
}
