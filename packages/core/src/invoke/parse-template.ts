import { memoizeByText } from './memoize-by-text.js';

/** One piece of a template: literal text, or a `${name}` placeholder. */
export type TemplateSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string };

/** The name syntax of a placeholder: `${name}` with `name` matching this. */
export const placeholderNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Prefix of placeholders that read a field of the connection (e.g. `${connection.instance_url}`). */
export const connectionPlaceholderPrefix = 'connection.';

// `$${` comes first in the alternation so that, at the same position, the escape wins over a
// placeholder that starts one character later.
const tokenPattern = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/**
 * Splits a template into literal text and placeholders.
 *
 * Syntax: `${name}` with `name` = `[A-Za-z_][A-Za-z0-9_.-]*`. The one escape is `$${`, which
 * renders as the literal text `${` — so `$${name}` renders `${name}` and is not a placeholder.
 * Any other `$` is literal, and so is a `${…}` whose content is not a valid name (`${a b}`,
 * `${}`, an unterminated `${a`): such text is left for the target format to accept or reject.
 * Adjacent literal text is merged, so literal and placeholder segments alternate.
 */
export const parseTemplate: (template: string) => readonly TemplateSegment[] = memoizeByText(parseTemplateText, {
  maxEntries: 2048,
  maxTextLength: 2048,
});

function parseTemplateText(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = '';
  let last = 0;
  for (const match of template.matchAll(tokenPattern)) {
    literal += template.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1];
    if (name === undefined) {
      literal += '${';
      continue;
    }
    if (literal !== '') segments.push({ kind: 'literal', text: literal });
    literal = '';
    segments.push({ kind: 'placeholder', name });
  }
  literal += template.slice(last);
  if (literal !== '') segments.push({ kind: 'literal', text: literal });
  return segments;
}
