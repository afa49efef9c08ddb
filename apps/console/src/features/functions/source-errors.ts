import type { ApiError } from '../../api/api-error.js';

/** A problem in a function's source, where the server's parser found it (1-based). */
export interface SourceError {
  readonly message: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The source errors of a refused save: the problem's `errors` entries for `body.source`, with
 * the `line` and `column` the server adds (syntax error, an `import`, no exported `main`).
 * `ApiError.fieldErrors` keeps only the messages, so this reads the raw problem.
 */
export function sourceErrorsOf(error: ApiError | undefined): SourceError[] {
  if (!error || !Array.isArray(error.problem['errors'])) return [];
  return error.problem['errors'].filter(isRecord).flatMap((entry) => {
    if (entry['path'] !== 'body.source' || typeof entry['message'] !== 'string') return [];
    return [
      {
        message: entry['message'],
        line: typeof entry['line'] === 'number' ? entry['line'] : undefined,
        column: typeof entry['column'] === 'number' ? entry['column'] : undefined,
      },
    ];
  });
}

/** "Line 2, column 13: Unexpected token" (the position left out when unknown). */
export function describeSourceError(error: SourceError): string {
  if (error.line === undefined) return error.message;
  return `Line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`}: ${error.message}`;
}
