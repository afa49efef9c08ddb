import type { ApiTemplate } from './api-template.js';
import { bodyUsesTemplate, effectiveBodyType, type BodyType } from './effective-body-type.js';
import { parseTemplate } from './parse-template.js';

/**
 * Every distinct placeholder name of an API, `connection.*` included, in order of first
 * appearance across: the URL, header values (in definition order), query values, then the body
 * template. The body counts only when it is rendered (see `effectiveBodyType`): a GET's or a
 * multipart API's template is never sent, so it declares nothing. Pass `bodyType` to evaluate
 * another body type (e.g. a request that forces multipart; `'none'` leaves the body out).
 */
export function placeholdersOf(api: ApiTemplate, bodyType: BodyType = effectiveBodyType(api)): string[] {
  const sources = [api.url, ...Object.values(api.headers), ...Object.values(api.query)];
  if (bodyUsesTemplate(bodyType) && api.body.template !== undefined) sources.push(api.body.template);
  const names = new Set<string>();
  for (const source of sources) {
    for (const segment of parseTemplate(source)) {
      if (segment.kind === 'placeholder') names.add(segment.name);
    }
  }
  return [...names];
}
