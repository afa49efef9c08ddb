import type { Problem } from '@switchboard/contracts';
import { expect } from 'vitest';
import type { ApiResponse } from './test-environment.js';

/**
 * Asserts that a response is an RFC 9457 problem (`application/problem+json`, `type`, `title`,
 * and a `status` member equal to the HTTP status) with Switchboard's stable `code`; returns it.
 */
export function expectProblem(response: ApiResponse, status: number, code: string): Problem {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = response.body as Problem;
  expect(problem.code, response.text).toBe(code);
  expect(problem.status).toBe(status);
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.type).toBe('string');
  return problem;
}
