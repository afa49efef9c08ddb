import { SwitchboardError } from '../switchboard-error.js';
import type { PlaceholderValues } from './placeholder-values.js';

/**
 * Throws one `missing_variables` error listing every name without a value, in order of
 * appearance, so a caller fixes them all in one round trip. A missing connection field is listed
 * as `connection.<field>`. An empty string and `null` are values: the caller sent the name.
 */
export function assertNoMissingVariables(names: readonly string[], values: PlaceholderValues): void {
  const missing = names.filter((name) => values(name) === undefined);
  if (missing.length > 0) {
    throw new SwitchboardError('missing_variables', `Missing variables: ${missing.join(', ')}`, {
      details: { variables: missing },
    });
  }
}
