import { splitTemplate, type TemplateSegment } from '@switchboard/contracts';
import { memoizeByText } from './memoize-by-text.js';

// The syntax lives in the contracts (the console highlights exactly what the server substitutes).
export { connectionPlaceholderPrefix, placeholderNamePattern, type TemplateSegment } from '@switchboard/contracts';

/**
 * Splits a template into literal text and placeholders (syntax: `splitTemplate` in the
 * contracts). Templates repeat on every invoke of an API, so short ones are memoized.
 */
export const parseTemplate: (template: string) => readonly TemplateSegment[] = memoizeByText(splitTemplate, {
  maxEntries: 2048,
  maxTextLength: 2048,
});
