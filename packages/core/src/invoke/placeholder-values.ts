import type { JsonValue } from '../json-value.js';
import { SwitchboardError } from '../switchboard-error.js';
import { connectionPlaceholderPrefix } from './parse-template.js';

/** Looks up the value of a placeholder name; `undefined` means missing. */
export type PlaceholderValues = (name: string) => JsonValue | undefined;

/**
 * Resolves `connection.<field>` against the connection's fields and every other name against the
 * request variables. `Object.hasOwn` keeps inherited names (`constructor`, `__proto__`) missing.
 * `connectionFields` may be a function: it is then called once, at the first `connection.*`
 * lookup, so fields that no placeholder reads are never decrypted.
 */
export function createPlaceholderValues(
  variables: Readonly<Record<string, JsonValue>>,
  connectionFields: Readonly<Record<string, JsonValue>> | (() => Readonly<Record<string, JsonValue>>),
): PlaceholderValues {
  let fields = typeof connectionFields === 'function' ? undefined : connectionFields;
  return (name) => {
    if (name.startsWith(connectionPlaceholderPrefix)) {
      fields ??= (connectionFields as () => Readonly<Record<string, JsonValue>>)();
      const field = name.slice(connectionPlaceholderPrefix.length);
      return Object.hasOwn(fields, field) ? fields[field] : undefined;
    }
    return Object.hasOwn(variables, name) ? variables[name] : undefined;
  };
}

/**
 * The value of a placeholder that must be present. `renderRequest` reports every missing name at
 * once before rendering starts, so this throwing is a safety net for direct callers of a step.
 */
export function requireValue(values: PlaceholderValues, name: string): JsonValue {
  const value = values(name);
  if (value === undefined) {
    throw new SwitchboardError('missing_variables', `Missing variable: ${name}`, { details: { variables: [name] } });
  }
  return value;
}
