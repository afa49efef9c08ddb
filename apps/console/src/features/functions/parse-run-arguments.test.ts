import { describe, expect, it } from 'vitest';
import { parseRunArguments } from './parse-run-arguments.js';

describe('parseRunArguments', () => {
  it('parses JSON of any kind, and blank as no arguments', () => {
    expect(parseRunArguments('{"name": "Ada", "n": [1, 2]}')).toEqual({ ok: true, args: { name: 'Ada', n: [1, 2] } });
    expect(parseRunArguments('42')).toEqual({ ok: true, args: 42 });
    expect(parseRunArguments('  \n ')).toEqual({ ok: true, args: undefined });
  });

  it('refuses text that is not JSON with a message saying so', () => {
    const parsed = parseRunArguments('{name: Ada}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^The arguments are not valid JSON: /);
  });
});
