/**
 * What a logo SVG may contain: plain drawing only. An allow-list (anything not named here is
 * refused) rather than a deny-list, because SVG keeps growing ways to run script or fetch: new
 * elements, attributes and CSS functions are refused until someone decides they are safe.
 */

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * Elements (in the SVG namespace) that draw or describe. Left out on purpose: `script`,
 * `foreignObject` (embeds HTML), `a` (navigation), `image` and `feImage` (load other
 * resources), `iframe`/`video`/`audio`/`canvas`, the animation elements (`animate`, `set`,
 * `animateMotion`, `animateTransform`, `discard`, `mpath` — they can rewrite `href` after the
 * checks), `switch` and `cursor`.
 */
export const allowedSvgElements: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood',
  'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
  'feTurbulence',
]);

/** Elements refused with a specific reason (the rest get a generic one). */
export const refusedSvgElementReasons: Readonly<Record<string, string>> = {
  script: 'scripts could run',
  foreignObject: '<foreignObject> can embed HTML',
  a: 'links are not allowed',
  image: 'embedded or external images are not allowed',
  feImage: 'embedded or external images are not allowed',
  animate: 'animation elements are not allowed',
  animateMotion: 'animation elements are not allowed',
  animateTransform: 'animation elements are not allowed',
  animateColor: 'animation elements are not allowed',
  set: 'animation elements are not allowed',
  discard: 'animation elements are not allowed',
  mpath: 'animation elements are not allowed',
  iframe: 'embedded documents are not allowed',
};

/** Attributes without a namespace: geometry, presentation, filter parameters, accessibility. */
export const allowedSvgAttributes: ReadonlySet<string> = new Set([
  // core and structure
  'id', 'class', 'style', 'lang', 'tabindex', 'version', 'baseProfile', 'viewBox', 'preserveAspectRatio',
  'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr',
  'd', 'points', 'pathLength', 'transform', 'href',
  'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'focusable',
  // presentation attributes (SVG 2 §6.6)
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color',
  'display', 'visibility', 'overflow', 'clip', 'clip-path', 'clip-rule', 'mask', 'filter',
  'marker-start', 'marker-mid', 'marker-end', 'paint-order', 'vector-effect', 'mix-blend-mode', 'isolation',
  'shape-rendering', 'text-rendering', 'image-rendering', 'color-interpolation', 'color-interpolation-filters',
  'color-rendering', 'solid-color', 'solid-opacity', 'stop-color', 'stop-opacity', 'flood-color', 'flood-opacity',
  'lighting-color', 'enable-background', 'transform-origin',
  // text
  'font-family', 'font-size', 'font-size-adjust', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
  'text-anchor', 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing',
  'text-decoration', 'writing-mode', 'direction', 'unicode-bidi', 'dx', 'dy', 'rotate', 'textLength',
  'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  // paint servers, clipping, masking, markers
  'offset', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerWidth', 'markerHeight',
  'markerUnits', 'refX', 'refY', 'orient',
  // filters
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'type', 'values', 'operator',
  'k1', 'k2', 'k3', 'k4', 'radius', 'scale', 'xChannelSelector', 'yChannelSelector', 'baseFrequency',
  'numOctaves', 'seed', 'stitchTiles', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'order',
  'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale',
  'specularConstant', 'specularExponent', 'diffuseConstant', 'kernelUnitLength', 'azimuth', 'elevation', 'z',
  'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle',
]);

/** Attributes in the XML namespace (`xml:space`, `xml:lang`). */
export const allowedXmlAttributes: ReadonlySet<string> = new Set(['space', 'lang']);

/** CSS functions a logo's style may call; `url()` only with a same-document fragment. */
export const allowedCssFunctions: ReadonlySet<string> = new Set([
  'url', 'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'var', 'calc', 'min', 'max', 'clamp',
  'matrix', 'matrix3d', 'translate', 'translatex', 'translatey', 'translate3d', 'scale', 'scalex', 'scaley', 'scale3d',
  'rotate', 'rotatex', 'rotatey', 'rotatez', 'rotate3d', 'skew', 'skewx', 'skewy', 'perspective',
  'cubic-bezier', 'steps', 'linear-gradient', 'radial-gradient', 'drop-shadow', 'blur', 'brightness', 'contrast',
  'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia', 'not', 'is', 'where', 'nth-child',
  'nth-of-type', 'nth-last-child', 'nth-last-of-type',
]);
