import { memoizeByText } from './memoize-by-text.js';
import { parseTemplate } from './parse-template.js';

/** Where the origin (scheme, host, port) of a URL template comes from. */
export type UrlTemplateOrigin =
  /** Literal in the template: `https://api.example.com:8443`. */
  | { readonly kind: 'literal'; readonly origin: string }
  /** A whole connection field at the very start: `${connection.instance_url}`. */
  | { readonly kind: 'connection'; readonly placeholder: string };

/** A URL template cut at its literal delimiters (RFC 3986 §3). */
export interface UrlTemplateParts {
  readonly origin: UrlTemplateOrigin;
  /** The path template: empty, or starting with `/`. */
  readonly path: string;
  /** The query template without `?`; null when there is no `?`. */
  readonly query: string | null;
  /** The fragment template without `#`; null when there is no `#`. */
  readonly fragment: string | null;
}

// The authority ends at the first `/`, `?` or `#` (RFC 3986 §3.2); WHATWG URL also ends it at
// `\` for http(s), so `\` must not be left inside what we treat as the host.
const absolutePattern = /^(https?:\/\/)([^/?#\\]*)/i;
const connectionPattern = /^\$\{(connection\.[A-Za-z_][A-Za-z0-9_.-]*)\}/;

/**
 * Cuts a URL template into origin, path, query and fragment, or returns why it cannot be.
 *
 * Only literal characters delimit: a placeholder's value is always encoded before it is placed,
 * so it can never add a `/`, `?`, `#` or `@` that moves a boundary. The origin must be literal, or
 * be exactly one `${connection.<field>}` followed by `/`, `?`, `#` or the end — a request variable
 * there would let any caller point the access token at a host of their choice.
 */
export const splitUrlTemplate: (template: string) => UrlTemplateParts | { readonly error: string } = memoizeByText(splitUrlTemplateText, {
  maxEntries: 1024,
  maxTextLength: 2048,
});

function splitUrlTemplateText(template: string): UrlTemplateParts | { readonly error: string } {
  let origin: UrlTemplateOrigin;
  let rest: string;
  const absolute = absolutePattern.exec(template);
  const connection = connectionPattern.exec(template);
  if (absolute) {
    const [prefix, scheme = '', authority = ''] = absolute;
    if (authority.includes('$')) {
      const literal = parseTemplate(authority).every((segment) => segment.kind === 'literal');
      return {
        error: literal
          ? 'the host must not contain "$"'
          : 'the scheme, host and port must be literal: only ${connection.<field>} at the very start may supply them',
      };
    }
    let parsed: URL;
    try {
      parsed = new URL(`${scheme}${authority}`);
    } catch {
      return { error: 'the scheme, host and port do not form a valid URL origin' };
    }
    if (parsed.username !== '' || parsed.password !== '') {
      return { error: 'the URL must not contain credentials (user:password@); put them in a header' };
    }
    origin = { kind: 'literal', origin: parsed.origin };
    rest = template.slice(prefix.length);
  } else if (connection) {
    const [prefix, placeholder = ''] = connection;
    rest = template.slice(prefix.length);
    if (rest !== '' && !/^[/?#]/.test(rest)) {
      return { error: '${connection.<field>} must be followed by "/", "?", "#" or the end: the field supplies the whole origin' };
    }
    origin = { kind: 'connection', placeholder };
  } else {
    return { error: 'must start with http://, https:// or ${connection.<field>}' };
  }

  const hash = rest.indexOf('#');
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf('?');
  return {
    origin,
    path: question === -1 ? beforeHash : beforeHash.slice(0, question),
    query: question === -1 ? null : beforeHash.slice(question + 1),
    fragment: hash === -1 ? null : rest.slice(hash + 1),
  };
}
