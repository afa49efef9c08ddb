import { describe, expect, it } from 'vitest';
import { checkFunctionSource } from './check-function-source.js';

describe('checkFunctionSource', () => {
  it('accepts the documented forms of main', () => {
    expect(checkFunctionSource('export async function main(args, context) { return args; }')).toEqual({ ok: true });
    expect(checkFunctionSource('export const main = async (args) => args.x ?? 1;')).toEqual({ ok: true });
    expect(checkFunctionSource('async function run() {}\nexport { run as main };')).toEqual({ ok: true });
    expect(checkFunctionSource('class A { #x = 1; static { } }\nexport async function main() { await 1; return new A(); }')).toEqual({ ok: true });
  });

  it('reports a syntax error with 1-based line and column, without running anything', () => {
    expect(checkFunctionSource('export async function main() {\n  let x = ;\n}')).toEqual({
      ok: false,
      message: 'Unexpected token',
      line: 2,
      column: 11,
    });
    expect(checkFunctionSource('export async function main() { while (true) {} }')).toEqual({ ok: true });
  });

  it('requires an exported main', () => {
    const check = checkFunctionSource('async function main() {}\nexport const other = 1;');
    expect(check).toMatchObject({ ok: false, line: 1, column: 1 });
    expect(check.ok === false && check.message).toContain('main');
  });

  it('refuses imports and re-exports at their position', () => {
    expect(checkFunctionSource('export async function main() {}\nimport fs from "node:fs";')).toEqual({
      ok: false,
      message: 'Functions cannot import modules',
      line: 2,
      column: 1,
    });
    expect(checkFunctionSource('export * from "x";\nexport async function main() {}')).toMatchObject({ ok: false, line: 1 });
  });
});
