import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { cssProblem } from './css-problem.js';
import {
  allowedSvgAttributes,
  allowedSvgElements,
  allowedXmlAttributes,
  refusedSvgElementReasons,
  SVG_NAMESPACE,
  XLINK_NAMESPACE,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
} from './svg-allow-list.js';

/** `href="#id"`: a same-document fragment, the only link a logo may hold. */
const sameDocumentFragment = /^#[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** Attribute values that are free text or id references, not CSS (no function check). */
const textAttributes = new Set(['id', 'class', 'lang', 'aria-label', 'aria-labelledby', 'aria-describedby', 'role', 'href']);

/**
 * A scheme that runs script or embeds a document, after removing what browsers ignore inside a
 * URL (whitespace and control characters: `java\tscript:` still runs).
 */
function dangerousScheme(value: string): string | null {
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  for (const scheme of ['javascript:', 'vbscript:', 'data:']) if (squeezed.includes(scheme)) return scheme;
  return null;
}

function elementProblem(tag: SaxesTagNS, depth: number): string | null {
  if (tag.uri !== SVG_NAMESPACE) {
    return depth === 0 ? 'the root element is not <svg> in the SVG namespace (xmlns="http://www.w3.org/2000/svg")' : `the element <${tag.name}> is not in the SVG namespace`;
  }
  if (depth === 0 && tag.local !== 'svg') return `the root element is <${tag.local}>, not <svg>`;
  if (!allowedSvgElements.has(tag.local)) return `<${tag.local}> is not allowed (${refusedSvgElementReasons[tag.local] ?? 'only plain drawing elements are'})`;
  return null;
}

function attributeProblem(element: string, attribute: SaxesAttributeNS): string | null {
  const { uri, local, name, value } = attribute;
  if (uri === XMLNS_NAMESPACE) return null; // a namespace declaration; what uses it is checked
  if (/^on/i.test(local)) return `the event handler attribute ${name} on <${element}> is not allowed`;
  const scheme = dangerousScheme(value);
  if (scheme) return `${scheme} URLs are not allowed (attribute ${name} on <${element}>)`;
  if (uri === XLINK_NAMESPACE || (uri === '' && local === 'href')) {
    if (local !== 'href') return `the attribute ${name} on <${element}> is not allowed`;
    if (!sameDocumentFragment.test(value.trim())) return `${name}="${value.slice(0, 60)}" on <${element}> is not allowed: only same-document references (#id)`;
    return null;
  }
  if (uri === XML_NAMESPACE) return allowedXmlAttributes.has(local) ? null : `the attribute ${name} is not allowed`;
  if (uri !== '' || !allowedSvgAttributes.has(local)) return `the attribute ${name} on <${element}> is not allowed`;
  if (textAttributes.has(local)) return null;
  const css = cssProblem(value);
  return css === null ? null : `${css} (attribute ${name} on <${element}>)`;
}

/**
 * Why this SVG text is not a plain drawing, or null when it is. Parsed with a real XML parser
 * (saxes: strict well-formedness, namespaces resolved, so `xlink:href` cannot hide behind
 * another prefix) and checked against an allow-list of elements and attributes. Refused: a
 * DOCTYPE (entity declarations: billion laughs, external entities), processing instructions
 * (`<?xml-stylesheet?>` loads CSS), scripts, `<foreignObject>`, event handler attributes, links
 * other than `#id`, `javascript:`/`data:` URLs anywhere, CSS that imports or loads, and
 * animation elements (they can set `href` after any check).
 */
export function svgProblem(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: string | null = null;
  let depth = 0;
  let sawRoot = false;
  let inStyle = false;
  let styleText = '';
  const fail = (reason: string) => {
    problem ??= reason;
  };
  parser.on('error', (error) => fail(`it is not well-formed XML (${error.message})`));
  parser.on('xmldecl', (decl) => {
    // The bytes were decoded as UTF-8; a document that says otherwise was not meant that way.
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) fail(`it declares the encoding ${decl.encoding}; only UTF-8 is accepted`);
  });
  parser.on('doctype', () => fail('a DOCTYPE (and so entity declarations) is not allowed'));
  parser.on('processinginstruction', (pi) => fail(`the processing instruction <?${pi.target}?> is not allowed`));
  parser.on('opentag', (tag) => {
    if (depth === 0 && sawRoot) fail('it has more than one root element');
    sawRoot = true;
    const elementReason = elementProblem(tag, depth);
    if (elementReason) fail(elementReason);
    for (const attribute of Object.values(tag.attributes)) {
      const reason = attributeProblem(tag.local, attribute);
      if (reason) fail(reason);
    }
    if (tag.local === 'style' && !tag.isSelfClosing) {
      inStyle = true;
      styleText = '';
    }
    if (!tag.isSelfClosing) depth += 1;
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth -= 1;
    if (tag.local === 'style' && inStyle) {
      inStyle = false;
      const css = cssProblem(styleText);
      if (css) fail(`${css} (in <style>)`);
    }
  });
  const onText = (value: string) => {
    const scheme = dangerousScheme(value);
    if (scheme) fail(`${scheme} URLs are not allowed (in text)`);
    if (inStyle) styleText += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    // saxes throws from write/close only through our handlers; keep the first reason.
    fail(`it is not well-formed XML (${error instanceof Error ? error.message : 'parse error'})`);
  }
  if (!sawRoot) fail('it has no root element');
  return problem;
}
