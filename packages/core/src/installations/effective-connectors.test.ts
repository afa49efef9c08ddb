import { describe, expect, it } from 'vitest';
import { effectiveConnectors } from './effective-connectors.js';

describe('effectiveConnectors', () => {
  it('is empty without installations', () => {
    expect(effectiveConnectors([])).toEqual([]);
  });

  it('takes the highest version when two solutions bring one connector, and names both solutions', () => {
    const result = effectiveConnectors([
      { solutionId: 's2', connectors: [{ connectorId: 'c1', connectorApiName: 'acme', version: 2 }] },
      { solutionId: 's1', connectors: [{ connectorId: 'c1', connectorApiName: 'acme', version: 5 }, { connectorId: 'c2', connectorApiName: 'beta', version: 1 }] },
    ]);
    expect(result).toEqual([
      { connectorId: 'c1', connectorApiName: 'acme', version: 5, solutionIds: ['s1', 's2'] },
      { connectorId: 'c2', connectorApiName: 'beta', version: 1, solutionIds: ['s1'] },
    ]);
  });
});
