import type { CodeEditorHighlight } from '../../components/code-editor.js';
import { connectionPrefix, templateTokenPattern } from './template-segments.js';

/**
 * The body template editor's live highlighting: every `${name}` the server will substitute is
 * marked (`cm-template-placeholder`; a connection field also `cm-template-placeholder-connection`),
 * and an escaped `$${x}` is not, exactly as the server parses templates. Styled in apis.css.
 */
export const placeholderHighlight: CodeEditorHighlight = {
  pattern: templateTokenPattern,
  classOf: (match) => {
    const name = match[1];
    if (name === undefined) return null; // `$${`: the escape, literal text
    return name.startsWith(connectionPrefix) ? 'cm-template-placeholder cm-template-placeholder-connection' : 'cm-template-placeholder';
  },
  titleOf: (match) => {
    const name = match[1];
    if (name === undefined) return undefined;
    return name.startsWith(connectionPrefix)
      ? `Filled from the connection: the token response’s ${name.slice(connectionPrefix.length)} field`
      : `Variable ${name}: the caller supplies its value when invoking`;
  },
};
