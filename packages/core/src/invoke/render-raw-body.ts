import { assertWellFormed } from './assert-well-formed.js';
import { parseTemplate } from './parse-template.js';
import { requireValue, type PlaceholderValues } from './placeholder-values.js';
import { renderScalar } from './render-scalar.js';

/**
 * Renders a raw body: plain text substitution, no escaping (the builder chose the format and
 * sets its Content-Type). A missing template is an empty body.
 */
export function renderRawBody(template: string | undefined, values: PlaceholderValues): string {
  let out = '';
  for (const segment of parseTemplate(template ?? '')) {
    out +=
      segment.kind === 'literal'
        ? segment.text
        : assertWellFormed(segment.name, renderScalar(segment.name, requireValue(values, segment.name)));
  }
  return out;
}
