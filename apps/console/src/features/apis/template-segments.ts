/** One piece of a template: literal text, or a `${name}` placeholder. */
export type TemplateSegment = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'placeholder'; readonly name: string };

/** Prefix of placeholders that read a field of the connection (`${connection.instance_url}`). */
export const connectionPrefix = 'connection.';

// The server's syntax (packages/core/src/invoke/parse-template.ts), repeated here because the
// console depends on the contracts only: `${name}` with name `[A-Za-z_][A-Za-z0-9_.-]*`, and
// `$${` as the one escape (the literal text `${`). The escape comes first in the alternation.
const tokenPattern = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/**
 * Split a template into literal text and placeholders, exactly as the server does, so the
 * editor highlights what will really be substituted (an escaped `$${x}` stays literal).
 */
export function templateSegments(template: string): TemplateSegment[] {
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

/** The parts of an API that hold placeholders (a draft in the editor or a saved API). */
export interface TemplateSources {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: { readonly type: string; readonly template?: string | undefined };
}

/** Whether the body template is sent: GET and HEAD never carry a body, multipart builds its parts. */
export function bodyTemplateUsed(api: Pick<TemplateSources, 'method' | 'body'>): boolean {
  if (api.method === 'GET' || api.method === 'HEAD') return false;
  return api.body.type === 'json' || api.body.type === 'form' || api.body.type === 'raw';
}

/**
 * The API's placeholders in order of first appearance (URL, header values, query values, body),
 * split into the variables a caller supplies and the connection fields Switchboard fills — the
 * same list the server answers as `variables`.
 */
export function declaredPlaceholders(api: TemplateSources): { variables: string[]; connectionFields: string[] } {
  const sources = [api.url, ...Object.values(api.headers), ...Object.values(api.query)];
  if (bodyTemplateUsed(api) && api.body.template !== undefined) sources.push(api.body.template);
  const names = new Set<string>();
  for (const source of sources) for (const segment of templateSegments(source)) if (segment.kind === 'placeholder') names.add(segment.name);
  const all = [...names];
  return {
    variables: all.filter((name) => !name.startsWith(connectionPrefix)),
    connectionFields: all.filter((name) => name.startsWith(connectionPrefix)).map((name) => name.slice(connectionPrefix.length)),
  };
}
