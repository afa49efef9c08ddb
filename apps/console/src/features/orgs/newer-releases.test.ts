import { describe, expect, it } from 'vitest';
import { newerReleases } from './newer-releases.js';

const list = ['2.0.0', '1.10.0', '1.2.0', '1.0.0'].map((version) => ({ version }));

describe('newerReleases', () => {
  it('offers the releases newer than the installed one, newest first', () => {
    expect(newerReleases(list, '1.2.0').map((item) => item.version)).toEqual(['2.0.0', '1.10.0']);
    expect(newerReleases(list, '2.0.0')).toEqual([]);
  });

  it('offers every release when the installed one is not listed (the server decides)', () => {
    expect(newerReleases(list, '0.9.0').map((item) => item.version)).toEqual(['2.0.0', '1.10.0', '1.2.0', '1.0.0']);
  });
});
