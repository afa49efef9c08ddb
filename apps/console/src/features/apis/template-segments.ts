import { connectionPlaceholderPrefix, splitTemplate, type TemplateSegment } from '@switchboard/contracts';

// The placeholder syntax is the contracts' (the server renders with the same parser), so the
// editor highlights exactly what will be substituted: an escaped `$${x}` stays literal.
export { templateTokenPattern, type TemplateSegment } from '@switchboard/contracts';

/** Prefix of placeholders that read a field of the connection (`${connection.instance_url}`). */
export const connectionPrefix = connectionPlaceholderPrefix;

/** Split a template into literal text and placeholders, exactly as the server does. */
export const templateSegments: (template: string) => TemplateSegment[] = splitTemplate;

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
