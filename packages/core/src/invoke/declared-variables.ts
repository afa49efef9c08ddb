import type { ApiTemplate } from './api-template.js';
import { connectionPlaceholderPrefix } from './parse-template.js';
import { placeholdersOf } from './placeholders-of.js';

/**
 * The variables a caller must supply: the API's placeholders without `connection.*`, unique, in
 * order of appearance (URL, headers, query, body). This is the `variables` list of the API view.
 */
export function declaredVariables(api: ApiTemplate): string[] {
  return placeholdersOf(api).filter((name) => !name.startsWith(connectionPlaceholderPrefix));
}

/**
 * The connection fields the API reads through `${connection.<field>}`, as field names without
 * the prefix (`instance_url`), unique, in order of appearance.
 */
export function declaredConnectionFields(api: ApiTemplate): string[] {
  return placeholdersOf(api)
    .filter((name) => name.startsWith(connectionPlaceholderPrefix))
    .map((name) => name.slice(connectionPlaceholderPrefix.length));
}
