import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parse-template.js';

describe('parseTemplate', () => {
  it('splits literal text and placeholders', () => {
    expect(parseTemplate('/users/${id}/posts?x=${a.b-c_1}')).toEqual([
      { kind: 'literal', text: '/users/' },
      { kind: 'placeholder', name: 'id' },
      { kind: 'literal', text: '/posts?x=' },
      { kind: 'placeholder', name: 'a.b-c_1' },
    ]);
  });

  it('reads connection placeholders as names with a dot', () => {
    expect(parseTemplate('${connection.instance_url}/x')).toEqual([
      { kind: 'placeholder', name: 'connection.instance_url' },
      { kind: 'literal', text: '/x' },
    ]);
  });

  it('renders the escape $${name} as the literal ${name}', () => {
    expect(parseTemplate('cost: $${amount} and ${amount}')).toEqual([
      { kind: 'literal', text: 'cost: ${amount} and ' },
      { kind: 'placeholder', name: 'amount' },
    ]);
  });

  it('escapes only `$${`: other dollars stay literal', () => {
    expect(parseTemplate('$5 $$ $x $${')).toEqual([{ kind: 'literal', text: '$5 $$ $x ${' }]);
  });

  it('keeps malformed placeholders as literal text', () => {
    expect(parseTemplate('${} ${a b} ${1x} ${open')).toEqual([{ kind: 'literal', text: '${} ${a b} ${1x} ${open' }]);
  });

  it('handles adjacent placeholders and an empty template', () => {
    expect(parseTemplate('${a}${b}')).toEqual([
      { kind: 'placeholder', name: 'a' },
      { kind: 'placeholder', name: 'b' },
    ]);
    expect(parseTemplate('')).toEqual([]);
  });
});
