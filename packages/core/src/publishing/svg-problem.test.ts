import { describe, expect, it } from 'vitest';
import { svgProblem } from './svg-problem.js';

const svg = (inner: string, rootAttributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${rootAttributes}>${inner}</svg>`;

describe('svgProblem', () => {
  it('accepts plain drawings: shapes, gradients, same-document references, text, styles', () => {
    const drawing = svg(
      `<title>Acme</title><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="rgb(0,0,255)"/></linearGradient>` +
        `<symbol id="s"><circle cx="5" cy="5" r="4"/></symbol><filter id="f"><feGaussianBlur stdDeviation="1"/></filter></defs>` +
        `<style>.a { fill: url(#g); transform: rotate(45deg) } @media (min-width: 10px) { .a { opacity: .5 } }</style>` +
        `<rect class="a" width="10" height="10" fill="url('#g')" style="stroke: hsl(0 0% 0%); stroke-width: 1" filter="url(#f)"/>` +
        `<use href="#s"/><use xlink:href="#s" transform="translate(1 1)"/><text x="1" y="9" font-family="Helvetica Neue" xml:space="preserve">Acme (CRM)</text>`,
    );
    expect(svgProblem(drawing)).toBeNull();
    expect(svgProblem(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n${svg('<path d="M0 0L10 10"/>')}`)).toBeNull();
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>'), '<script> is not allowed'],
    ['a script in another prefix', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>', '<script> is not allowed'],
    ['an XHTML script', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'not in the SVG namespace'],
    ['foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), '<foreignObject> is not allowed'],
    ['onload', svg('', ' onload="alert(1)"'), 'event handler attribute onload'],
    ['onclick upper case', svg('<rect ONCLICK="alert(1)"/>'), 'event handler attribute ONCLICK'],
    ['an external href', svg('<use href="https://evil.example/x.svg#a"/>'), 'only same-document references'],
    ['an external xlink:href', svg('<use xlink:href="//evil.example/x.svg#a"/>'), 'only same-document references'],
    ['xlink:href under another prefix', svg('<use xmlns:q="http://www.w3.org/1999/xlink" q:href="https://evil.example/"/>'), 'only same-document references'],
    ['a javascript: href', svg('<use href="java&#9;script:alert(1)"/>'), 'javascript: URLs are not allowed'],
    ['a data: URL in a style', svg('<rect style="fill: url(data:image/png;base64,AAAA)"/>'), 'data: URLs are not allowed'],
    ['a DOCTYPE with entities', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`, 'DOCTYPE'],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, 'DOCTYPE'],
    ['an xml-stylesheet', `<?xml-stylesheet href="https://evil.example/a.css"?>${svg('')}`, 'processing instruction'],
    ['@import in <style>', svg('<style>@import "https://evil.example/a.css";</style>'), '@import'],
    ['an external url() in <style>', svg('<style>rect { fill: url(https://evil.example/a.svg#p) }</style>'), 'only same-document references'],
    ['image-set() in <style>', svg('<style>rect { mask: image-set("https://evil.example/a.png" 1x) }</style>'), 'image-set() is not allowed'],
    ['a CSS escape', svg('<style>rect { fill: u\\72l(https://evil.example/) }</style>'), 'CSS escapes'],
    ['an external url() in an attribute', svg('<rect fill="url(https://evil.example/p.svg#g)"/>'), 'only same-document references'],
    ['animation that sets href', svg('<a><animate attributeName="href" values="javascript:alert(1)"/></a>'), 'not allowed'],
    ['<set>', svg('<use href="#a"><set attributeName="href" to="https://evil.example/"/></use>'), '<set> is not allowed'],
    ['an image', svg('<image href="#a"/>'), '<image> is not allowed'],
    ['a link', svg('<a href="#a"><rect/></a>'), 'links are not allowed'],
    ['an unknown attribute', svg('<rect formaction="x"/>'), 'attribute formaction'],
    ['a foreign attribute', svg('<rect xmlns:x="urn:x" x:y="1"/>'), 'attribute x:y'],
    ['xml:base', svg('<g xml:base="https://evil.example/"/>'), 'attribute xml:base'],
    ['a non-SVG root', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'root element'],
    ['an SVG root without namespace', '<svg viewBox="0 0 1 1"/>', 'root element'],
    ['malformed XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', 'not well-formed'],
    ['another encoding', `<?xml version="1.0" encoding="ISO-8859-1"?>${svg('')}`, 'encoding'],
  ])('refuses %s', (_label, text, reason) => {
    expect(svgProblem(text)).toContain(reason);
  });
});
