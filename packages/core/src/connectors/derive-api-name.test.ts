import { describe, expect, it } from 'vitest';
import { deriveApiName } from './derive-api-name.js';

describe('deriveApiName', () => {
  it.each([
    ['Google Contacts', 'googlecontacts'],
    ['Acme CRM', 'acmecrm'],
    ['3D Printer', 'dprinter'],
    ['Café', 'cafe'],
    ['X', 'x_'],
    ['123', null],
    ['!!!', null],
  ])('%s → %s', (name, expected) => {
    expect(deriveApiName(name)).toBe(expected);
  });

  it('caps the length at 50', () => {
    expect(deriveApiName('a'.repeat(80))).toHaveLength(50);
  });
});
