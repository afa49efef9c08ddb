import { Buffer } from 'node:buffer';
import { invalidVariable } from './invalid-variable.js';

/**
 * Decodes canonical base64 (RFC 4648 §4): standard alphabet, padded to a multiple of 4, zero pad
 * bits, no whitespace. Node's decoder silently skips anything it does not understand, so the
 * result is re-encoded and compared: a file is never uploaded with bytes the caller did not mean.
 * `field` names the input (e.g. `FILE.content`) in the error.
 */
export function decodeBase64(text: string, field: string): Uint8Array {
  const decoded = Buffer.from(text, 'base64');
  if (text.length % 4 !== 0 || decoded.toString('base64') !== text) {
    throw invalidVariable(field, 'invalid_base64', `${field} is not canonical base64 (RFC 4648 §4, padded)`);
  }
  // A plain Uint8Array copy: a Buffer may be a view into Node's shared allocation pool.
  return new Uint8Array(decoded);
}
