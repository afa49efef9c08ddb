import { allowedCssFunctions } from './svg-allow-list.js';

/** `url(#id)`: a reference inside the same document, the only `url()` a logo may use. */
const sameDocumentUrl = /^#[A-Za-z_][A-Za-z0-9_.:-]*$/;

/**
 * Why this CSS (a `<style>` element, a `style` attribute or a presentation attribute's value)
 * could load or run something, or null when it cannot. Conservative on purpose: CSS escapes
 * are refused because they can spell `url(` in a way a plain text check misses, and every
 * function call must be on the allow-list (`image-set()`, `expression()` and `src()` load or run
 * things without `url(`). Comments are checked both as written and removed, so they cannot
 * split a name in either reading.
 */
export function cssProblem(css: string): string | null {
  if (css.includes('\\')) return 'CSS escapes (\\) are not allowed';
  for (const text of [css, css.replace(/\/\*[\s\S]*?\*\//g, '')]) {
    if (/@import/i.test(text)) return 'CSS @import is not allowed';
    if (/@font-face/i.test(text)) return 'CSS @font-face is not allowed';
    // A function token is a name directly followed by `(` (CSS Syntax §4.3.4); `@media (` is not one.
    for (const match of text.matchAll(/(?<![@A-Za-z0-9_-])([A-Za-z_-][A-Za-z0-9_-]*)\(/g)) {
      const name = match[1]!.toLowerCase();
      if (!allowedCssFunctions.has(name)) return `the CSS function ${name}() is not allowed`;
      if (name === 'url') {
        const start = match.index + match[0].length;
        const end = text.indexOf(')', start);
        const target = (end === -1 ? text.slice(start) : text.slice(start, end)).trim().replace(/^(['"])(.*)\1$/, '$2').trim();
        if (!sameDocumentUrl.test(target)) return `url(${target.slice(0, 60)}) is not allowed: only same-document references (url(#id))`;
      }
    }
  }
  return null;
}
