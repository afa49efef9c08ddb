import { semverSchema } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { nextReleaseVersion } from './next-release-version.js';

describe('nextReleaseVersion', () => {
  it('suggests 1.0.0 first, then the next minor of the latest', () => {
    expect(nextReleaseVersion(undefined)).toBe('1.0.0');
    expect(nextReleaseVersion('1.2.3')).toBe('1.3.0');
    expect(nextReleaseVersion('2.0.0-rc.1')).toBe('2.1.0');
    for (const latest of [undefined, '0.9.9', '10.41.2+build.7']) expect(semverSchema.safeParse(nextReleaseVersion(latest)).success).toBe(true);
  });

  it('suggests nothing for a version it cannot read', () => {
    expect(nextReleaseVersion('banana')).toBe('');
  });
});
