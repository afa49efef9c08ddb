import { invalidVariable } from './invalid-variable.js';
import { isValidHeaderValue } from './is-valid-header-value.js';
import { parseTemplate } from './parse-template.js';
import { requireValue, type PlaceholderValues } from './placeholder-values.js';
import { renderScalar } from './render-scalar.js';

/**
 * Renders the API's headers in definition order. Names are literal (validated as RFC 9110 §5.1
 * tokens when the API is saved); values are rendered raw — HTTP has no escaping for field values
 * — so each value a placeholder contributes must itself be a valid field value (RFC 9110 §5.5),
 * else `invalid_variable` naming that variable. The assembled value is checked again for the
 * literal parts.
 */
export function renderHeaders(headers: Readonly<Record<string, string>>, values: PlaceholderValues): Array<[string, string]> {
  return Object.entries(headers).map(([name, template]) => {
    let value = '';
    for (const segment of parseTemplate(template)) {
      if (segment.kind === 'literal') {
        value += segment.text;
        continue;
      }
      const text = renderScalar(segment.name, requireValue(values, segment.name));
      if (!isValidHeaderValue(text)) {
        throw invalidVariable(
          segment.name,
          'invalid_header_value',
          `Variable "${segment.name}" contains a character not allowed in an HTTP header value (CR, LF, NUL, another control character, or beyond U+00FF)`,
        );
      }
      value += text;
    }
    if (!isValidHeaderValue(value)) {
      throw invalidVariable(null, 'invalid_header_value', `The template of header "${name}" contains a character not allowed in an HTTP header value`);
    }
    return [name, value];
  });
}
