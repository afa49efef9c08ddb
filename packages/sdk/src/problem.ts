/**
 * An RFC 9457 problem details object as Switchboard answers it (`application/problem+json`),
 * extended with Switchboard's stable `code`. Extra members (`errors`, `variables`, `details`…)
 * depend on the code and are kept as they came.
 */
export interface Problem {
  /** A URI naming the problem type. */
  readonly type: string;
  /** A short, human-readable summary of the problem type. */
  readonly title: string;
  /** The HTTP status Switchboard answered with. */
  readonly status: number;
  /** A human-readable explanation of this occurrence; show it, never parse it. */
  readonly detail?: string;
  /** A URI naming this occurrence (quote it when asking for support). */
  readonly instance?: string;
  /** The stable error code, e.g. `not_authorized`, `origin_not_allowed`, `missing_variables`. */
  readonly code: string;
  /** `validation_failed`: one entry per failing field. */
  readonly errors?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  /** `missing_variables`: the placeholders the data did not fill. */
  readonly variables?: readonly string[];
  readonly [member: string]: unknown;
}

/** Whether a parsed JSON value has the shape of a Switchboard problem (a string `code` and a numeric `status`). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['status'] === 'number';
}
