import type { JsonValue } from '../json-value.js';
import { assertWellFormed } from './assert-well-formed.js';
import { invalidVariable } from './invalid-variable.js';
import type { FilePart, Part } from './normalize-invoke-data.js';
import type { RenderedPart } from './rendered-request.js';
import { renderScalar } from './render-scalar.js';

// Names and filenames travel inside a Content-Disposition header of each part (RFC 7578 §4.2);
// a control character there could end that header and forge another.
const controlCharacter = /[\x00-\x1F\x7F]/;
// RFC 9110 §8.3.1: type "/" subtype (tokens), then optional parameters, printable ASCII only.
const mediaType = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:[\t ]*;[\x20-\x7E\t]*)?$/;

/**
 * Builds the parts of a multipart/form-data body (RFC 7578): the data's PARTS in order, then its
 * FILE. When the data has neither, `unplacedVariables` become text parts, in order. Bytes pass
 * through untouched; encoding, boundary and Content-Type are left to the sender (RFC 7578 §4.1).
 */
export function renderMultipartBody(
  parts: readonly Part[],
  file: FilePart | undefined,
  unplacedVariables: Readonly<Record<string, JsonValue>>,
): RenderedPart[] {
  if (parts.length === 0 && file === undefined) {
    return Object.entries(unplacedVariables).map(([name, value], index) =>
      checkedPart({ name, value: renderScalar(name, value) }, `VARIABLES[${index}]`),
    );
  }
  const rendered = parts.map((part, index) => checkedPart(part, `PARTS[${index}]`));
  if (file !== undefined) rendered.push(checkedPart(file, 'FILE'));
  return rendered;
}

function checkedPart(part: RenderedPart, label: string): RenderedPart {
  const refuse = (field: string, rule: string) => invalidVariable(`${label}.${field}`, 'invalid_part', `${label}.${field} ${rule}`);
  if (controlCharacter.test(part.name)) throw refuse('name', 'must not contain control characters');
  if (!('filename' in part)) return { name: part.name, value: assertWellFormed(`${label}.value`, part.value) };
  if (controlCharacter.test(part.filename)) throw refuse('filename', 'must not contain control characters');
  if (!mediaType.test(part.contentType)) throw refuse('contentType', 'must be a media type such as "image/png" (RFC 9110 §8.3.1)');
  return { name: part.name, filename: part.filename, contentType: part.contentType, bytes: part.bytes };
}
