import { SwitchboardError } from '../switchboard-error.js';

/** Why a value could not be placed where the template puts it (`details.reason`). */
export type InvalidVariableReason =
  /** An object or array where only text can go (URL, query, header, form, raw, multipart value). */
  | 'not_a_scalar'
  /** The rendered URL would reach another scheme, host or port than the definition names. */
  | 'origin_change'
  /** The rendered path contains a dot segment or was rewritten by the URL parser. */
  | 'path_traversal'
  /** A header value with a character RFC 9110 §5.5 forbids (CR, LF, NUL, other controls, > U+00FF). */
  | 'invalid_header_value'
  /** The JSON body did not parse after substitution. */
  | 'invalid_json'
  /** A file content that is not canonical base64 (RFC 4648 §4). */
  | 'invalid_base64'
  /** A `${connection.<field>}` URL prefix that is not an absolute http(s) URL without credentials. */
  | 'invalid_base_url'
  /** Text with a lone UTF-16 surrogate, which has no UTF-8 encoding for a URL (RFC 3986 §2.5). */
  | 'invalid_unicode'
  /** The API template itself cannot be rendered safely (a definition error, not a caller's). */
  | 'invalid_template'
  /** A multipart part name, filename or content type with control characters. */
  | 'invalid_part';

/**
 * Builds the `invalid_variable` error. `message` and `variable` are shown to the caller, so they
 * name the variable and the rule — never the value, which may be a secret.
 */
export function invalidVariable(
  variable: string | null,
  reason: InvalidVariableReason,
  message: string,
): SwitchboardError {
  return new SwitchboardError('invalid_variable', message, {
    details: variable === null ? { reason } : { variable, reason },
  });
}
