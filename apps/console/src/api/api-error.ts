/**
 * An RFC 9457 problem answered by the API (or a local failure dressed as one, `status` 0),
 * carrying Switchboard's stable `code`. Every failure the api client and data hooks surface is
 * an `ApiError`, so pages render errors one way (`<ErrorState error={…} />`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Stable machine-readable code (`validation_failed`, `not_found`, … or a local one: `network_error`). */
  readonly code: string;
  /** HTTP status; 0 when no answer came (network failure, popup closed, timeout). */
  readonly status: number;
  /** The problem's `title` (short, human). */
  readonly title: string;
  /** The problem's `detail`: what happened, in a sentence meant for people. */
  readonly detail: string;
  /**
   * Field errors by path, with the request part (`body.`) left out: `name`,
   * `tokenPlacement.prefix`, `scopes.0`; `query.` and `path.` paths keep their prefix.
   * Several messages for one path are joined with "; ".
   */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** The whole problem object, for extension members (`variables`, `correlationId` …). */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(init: { code: string; status: number; title: string; detail?: string; fieldErrors?: Record<string, string>; problem?: Record<string, unknown> }) {
    super(init.detail ?? init.title);
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? init.title;
    this.fieldErrors = init.fieldErrors ?? {};
    this.problem = init.problem ?? {};
  }

  /** The message for a form field: its own path, or the first error nested under it (`scopes.2`). */
  fieldError(path: string): string | undefined {
    if (this.fieldErrors[path] !== undefined) return this.fieldErrors[path];
    const nested = Object.keys(this.fieldErrors).find((key) => key.startsWith(`${path}.`));
    return nested === undefined ? undefined : this.fieldErrors[nested];
  }
}

/** A local failure (no problem document): network down, popup blocked, timeout. */
export function localError(code: string, title: string, detail?: string): ApiError {
  return new ApiError({ code, status: 0, title, ...(detail === undefined ? {} : { detail }) });
}

/** Anything thrown → an `ApiError` (so hooks and `ErrorState` need one shape only). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return localError('client_error', 'Something went wrong in the console', message);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parse a problem document (application/problem+json) into an `ApiError`. Tolerant: a body that
 * is not a problem still yields an error named after the HTTP status.
 */
export function problemToApiError(status: number, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  const text = (key: string) => (typeof problem[key] === 'string' ? (problem[key] as string) : undefined);
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(problem['errors'])) {
    for (const entry of problem['errors']) {
      if (!isRecord(entry) || typeof entry['path'] !== 'string' || typeof entry['message'] !== 'string') continue;
      const path = entry['path'] === 'body' ? '' : entry['path'].replace(/^body\./, '');
      fieldErrors[path] = fieldErrors[path] === undefined ? entry['message'] : `${fieldErrors[path]}; ${entry['message']}`;
    }
  }
  const detail = text('detail');
  return new ApiError({
    code: text('code') ?? `http_${status}`,
    status: typeof problem['status'] === 'number' ? (problem['status'] as number) : status,
    title: text('title') ?? `Request failed (HTTP ${status})`,
    ...(detail === undefined ? {} : { detail }),
    fieldErrors,
    problem,
  });
}
