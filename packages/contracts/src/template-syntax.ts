/**
 * The placeholder language of API templates (URL, header and query values, body), shared by the
 * server that renders templates and the console that highlights them, so both agree on what is
 * substituted.
 *
 * Syntax: `${name}` with `name` = `[A-Za-z_][A-Za-z0-9_.-]*`. The one escape is `$${`, which
 * renders as the literal text `${` — so `$${name}` renders `${name}` and is not a placeholder.
 * Any other `$` is literal, and so is a `${…}` whose content is not a valid name (`${a b}`,
 * `${}`, an unterminated `${a`): such text is left for the target format to accept or reject.
 */

/** One piece of a template: literal text, or a `${name}` placeholder. */
export type TemplateSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string };

/** The name syntax of a placeholder: `${name}` with `name` matching this. */
export const placeholderNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Prefix of placeholders that read a field of the connection (e.g. `${connection.instance_url}`). */
export const connectionPlaceholderPrefix = 'connection.';

/**
 * The template's tokens: a placeholder (its name in group 1) or the escape `$${` (no group 1).
 * The escape comes first in the alternation so that, at the same position, it wins over a
 * placeholder starting one character later. Global: use with `matchAll` (which copies it) or
 * with a fresh `lastIndex`.
 */
export const templateTokenPattern = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/** Splits a template into literal text and placeholders; adjacent literal text is merged, so the kinds alternate. */
export function splitTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = '';
  let last = 0;
  for (const match of template.matchAll(templateTokenPattern)) {
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
