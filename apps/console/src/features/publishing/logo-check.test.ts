import { describe, expect, it } from 'vitest';
import { logoProblem } from './logo-check.js';

describe('logoProblem', () => {
  it('accepts PNG, JPEG and SVG up to 256 KB and says what is wrong otherwise', () => {
    expect(logoProblem({ name: 'logo.svg', type: 'image/svg+xml', size: 300 })).toBeUndefined();
    expect(logoProblem({ name: 'logo', type: 'image/png', size: 256 * 1024 })).toBeUndefined();
    expect(logoProblem({ name: 'logo.gif', type: 'image/gif', size: 10 })).toMatch(/PNG, JPEG or SVG/);
    expect(logoProblem({ name: 'big.png', type: 'image/png', size: 256 * 1024 + 1 })).toMatch(/limit is 256 KB/);
    expect(logoProblem({ name: 'empty.png', type: 'image/png', size: 0 })).toMatch(/empty/);
  });
});
