import { describe, expect, it } from 'vitest';
import { problemToApiError } from '../../api/api-error.js';
import { describeSourceError, sourceErrorsOf } from './source-errors.js';

describe('sourceErrorsOf', () => {
  it('reads the line and column the server adds to body.source errors, and ignores other fields', () => {
    const error = problemToApiError(400, {
      code: 'validation_failed',
      title: 'Validation failed',
      errors: [
        { path: 'body.source', message: 'Unexpected token', line: 2, column: 13 },
        { path: 'body.name', message: 'required' },
        { path: 'body.source', message: 'must export an async function main' },
      ],
    });
    const errors = sourceErrorsOf(error);
    expect(errors).toEqual([
      { message: 'Unexpected token', line: 2, column: 13 },
      { message: 'must export an async function main', line: undefined, column: undefined },
    ]);
    expect(errors.map(describeSourceError)).toEqual(['Line 2, column 13: Unexpected token', 'must export an async function main']);
  });

  it('is empty without an error or without source errors', () => {
    expect(sourceErrorsOf(undefined)).toEqual([]);
    expect(sourceErrorsOf(problemToApiError(409, { code: 'conflict', title: 'Conflict' }))).toEqual([]);
  });
});
