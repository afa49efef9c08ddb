import type { JsonValue } from '../json-value.js';
import { assertWellFormed } from './assert-well-formed.js';
import { parseTemplate } from './parse-template.js';
import { requireValue, type PlaceholderValues } from './placeholder-values.js';
import { renderScalar } from './render-scalar.js';

/**
 * Renders an application/x-www-form-urlencoded body (WHATWG URL §5, "urlencoded serializer").
 *
 * With a template (`a=${x}&b=${y}`) the literal text is kept and each value is encoded as the
 * serializer encodes a name or value — space as `+`, and `&`, `=`, `+`, `%` and all non-ASCII
 * percent-encoded as UTF-8 — so a value cannot add a field. A missing or empty template sends
 * `unplacedVariables` as the fields, in order.
 */
export function renderFormBody(
  template: string | undefined,
  values: PlaceholderValues,
  unplacedVariables: Readonly<Record<string, JsonValue>>,
): string {
  if (template === undefined || template === '') {
    return new URLSearchParams(
      Object.entries(unplacedVariables).map(([name, value]): [string, string] => [
        assertWellFormed(name, name),
        assertWellFormed(name, renderScalar(name, value)),
      ]),
    ).toString();
  }
  let out = '';
  for (const segment of parseTemplate(template)) {
    if (segment.kind === 'literal') {
      out += segment.text;
      continue;
    }
    const text = assertWellFormed(segment.name, renderScalar(segment.name, requireValue(values, segment.name)));
    // The serializer output for a lone value is `=<encoded>`; drop the `=`.
    out += new URLSearchParams([['', text]]).toString().slice(1);
  }
  return out;
}
