import type { JsonValue } from '../json-value.js';
import { invalidVariable } from './invalid-variable.js';
import { parseTemplate, type TemplateSegment } from './parse-template.js';
import { requireValue, type PlaceholderValues } from './placeholder-values.js';

/**
 * Renders a JSON body template (RFC 8259) so that values keep their JSON types and can never
 * change the document's structure.
 *
 * The template is tokenized just enough to know, at each placeholder, whether it sits inside a
 * string literal:
 * - the whole content of a string (`"${age}"`) → the value's JSON text: `30`, `"30"`, `{…}`,
 *   `null` — except in key position (`"${k}": …`), where a key must stay a string;
 * - inside a longer string (`"Hi ${name}"`) → the value's text, JSON-escaped: strings as is,
 *   numbers and booleans via `String`, `null` as empty, objects and arrays as their JSON text;
 * - outside any string (`{"n": ${n}}`) → the value's JSON text.
 * Every insertion is produced by `JSON.stringify`, so quotes and backslashes in a value are
 * escaped and cannot close a string. The result must still parse (the template's own text may
 * be broken); otherwise `invalid_json`, without echoing any of the text, which may hold secrets.
 * The rendered text keeps the template's formatting.
 *
 * A missing or empty template sends `unplacedVariables` as one JSON object.
 */
export function renderJsonBody(
  template: string | undefined,
  values: PlaceholderValues,
  unplacedVariables: Readonly<Record<string, JsonValue>>,
): string {
  // No template: the request variables not used by the URL, query or headers are the body.
  if (template === undefined || template === '') return JSON.stringify(unplacedVariables);
  const segments = parseTemplate(template);
  let out = '';
  let inString = false;
  let escaped = false;
  let quoteAt = -1; // index in `out` of the quote that opened the current string
  let placedInString = false; // a placeholder already rendered into the current string
  let skipQuote = false; // the next literal's first character closed a whole-string placeholder

  segments.forEach((segment, index) => {
    if (segment.kind === 'literal') {
      const text = skipQuote ? segment.text.slice(1) : segment.text;
      skipQuote = false;
      for (let i = 0; i < text.length; i += 1) {
        const char = text[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (char === '\\') escaped = true;
          else if (char === '"') inString = false;
        } else if (char === '"') {
          inString = true;
          quoteAt = out.length + i;
          placedInString = false;
        }
      }
      out += text;
      return;
    }

    const value = requireValue(values, segment.name);
    if (!inString) {
      out += JSON.stringify(value);
      return;
    }
    if (escaped) {
      // `"\${x}"` would let the value's first character be read as an escape; refuse it.
      throw invalidVariable(segment.name, 'invalid_template', `The JSON body template puts "${segment.name}" right after a backslash`);
    }
    const next = nextLiteral(segments, index);
    if (!placedInString && out.length === quoteAt + 1 && next?.startsWith('"')) {
      const isKey = /^"\s*:/.test(next);
      out = out.slice(0, quoteAt) + JSON.stringify(isKey ? textOf(value) : value);
      inString = false;
      skipQuote = true;
      return;
    }
    out += JSON.stringify(textOf(value)).slice(1, -1);
    placedInString = true;
  });

  try {
    JSON.parse(out);
  } catch {
    throw invalidVariable(null, 'invalid_json', 'The JSON body is not valid JSON after substitution');
  }
  return out;
}

function nextLiteral(segments: readonly TemplateSegment[], index: number): string | undefined {
  const next = segments[index + 1];
  return next?.kind === 'literal' ? next.text : undefined;
}

/** The text of a value placed inside a longer JSON string. */
function textOf(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
