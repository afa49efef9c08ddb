import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { CodeEditorProps } from './code-editor.js';

/**
 * Token colours that keep WCAG AA contrast (≥ 4.5:1) on the editor's white background. The
 * default style's orange for template strings and similar light tints fail it (axe `color-contrast`).
 * Listed first, so it wins over basicSetup's fallback style.
 */
const accessibleHighlighting = HighlightStyle.define([
  { tag: tags.keyword, color: '#6f2da8' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: '#a31515' },
  { tag: [tags.number, tags.bool, tags.null], color: '#0b6b3a' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: '#5c6370', fontStyle: 'italic' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.variableName)], color: '#1a4f9c' },
  { tag: [tags.propertyName, tags.typeName, tags.className], color: '#7a4a00' },
  { tag: tags.invalid, color: '#b00020' },
]);

/** The CodeMirror view behind `CodeEditor` (only ever imported dynamically). */
export function CodeEditorImpl({ value, onChange, label, language = 'javascript', readOnly = false, minLines = 12 }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        syntaxHighlighting(accessibleHighlighting),
        basicSetup,
        // Wrapped lines: no sideways-scrolling region that a keyboard user could not reach (axe `scrollable-region-focusable`).
        EditorView.lineWrapping,
        // JSON is a JavaScript expression: the JS grammar highlights it well enough without another package.
        ...(language === 'text' ? [] : [javascript()]),
        EditorState.readOnly.of(readOnly),
        // Wrapped lines: no sideways-scrolling region at phone width, which keyboard users could
        // not scroll (axe: scrollable-region-focusable) and which would hide code off-screen.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.theme({ '&': { minHeight: `${minLines * 1.4}em`, border: '1px solid var(--border-strong)', borderRadius: 'var(--radius-small)' }, '.cm-scroller': { fontFamily: 'var(--font-mono)' } }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => view.current?.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is created once; value syncs below
  }, [language, readOnly, label, minLines]);

  // An outside change (load, reset) replaces the document; the editor's own edits already match.
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="code-editor" />;
}
