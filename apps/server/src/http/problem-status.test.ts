import { errorCodes } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { problemStatus } from './problem-status.js';

describe('error registry', () => {
  it('documents every code and gives each an HTTP status', () => {
    for (const [code, description] of Object.entries(errorCodes)) {
      expect(description.length, code).toBeGreaterThan(10);
      expect(problemStatus[code as keyof typeof errorCodes], code).toBeGreaterThanOrEqual(400);
    }
    expect(Object.keys(problemStatus).sort()).toEqual(Object.keys(errorCodes).sort());
  });
});
