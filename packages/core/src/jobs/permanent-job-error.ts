/**
 * Thrown by a job handler for a failure that retrying cannot fix (the target is gone, the
 * payload is invalid): the job is marked dead at once instead of being retried. The message is
 * stored and logged: never put a secret in it.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
