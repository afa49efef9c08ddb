import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, MatchDecorator, ViewPlugin, placeholder as placeholderText, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { useFieldControl } from './field.js';
import type { CodeEditorHighlight, CodeEditorProps } from './code-editor.js';

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

/**
 * The grammar for a language. JSON is a JavaScript expression, so the JS grammar highlights it
 * without another package; but only the grammar: JavaScript's completions (`function`, `for`
 * snippets) would be noise in JSON.
 */
function languageExtension(language: NonNullable<CodeEditorProps['language']>): Extension {
  if (language === 'javascript') return javascript();
  if (language === 'json') return javascriptLanguage;
  return [];
}

/**
 * Marks every match of `highlight.pattern` with a mark decoration, kept up to date as the text
 * changes (MatchDecorator re-matches only the changed lines).
 */
function highlightExtension(highlight: CodeEditorHighlight): Extension {
  const flags = highlight.pattern.flags.includes('g') ? highlight.pattern.flags : `${highlight.pattern.flags}g`;
  const decorator = new MatchDecorator({
    regexp: new RegExp(highlight.pattern.source, flags),
    decoration: (match) => {
      const className = highlight.classOf(match);
      if (className === null) return null;
      const title = highlight.titleOf?.(match);
      return Decoration.mark({ class: className, ...(title ? { attributes: { title } } : {}) });
    },
  });
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(update: ViewUpdate) {
        this.decorations = decorator.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

/** The enclosing `<Field>`'s wiring, as attributes of the editable content. */
function fieldAttributes(control: ReturnType<typeof useFieldControl>): Extension {
  if (!control) return [];
  const attributes: Record<string, string> = { id: control.id };
  if (control.describedBy) attributes['aria-describedby'] = control.describedBy;
  if (control.invalid) attributes['aria-invalid'] = 'true';
  if (control.required) attributes['aria-required'] = 'true';
  return [EditorView.contentAttributes.of(attributes), control.invalid ? EditorView.editorAttributes.of({ class: 'cm-invalid' }) : []];
}

/** The CodeMirror view behind `CodeEditor` (only ever imported dynamically). */
export function CodeEditorImpl({ value, onChange, label, language = 'javascript', readOnly = false, minLines = 12, placeholder, highlight }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const field = useFieldControl();
  // Parts that change while the editor lives (the field's error, the example text) are swapped
  // in place: rebuilding the view would lose the cursor, the focus and the undo history.
  const fieldCompartment = useRef(new Compartment());
  const placeholderCompartment = useRef(new Compartment());
  const fieldRef = useRef(field);
  fieldRef.current = field;
  const placeholderRef = useRef(placeholder);
  placeholderRef.current = placeholder;

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        syntaxHighlighting(accessibleHighlighting),
        basicSetup,
        // No indentWithTab: Tab leaves the editor (keyboard users must be able to get out).
        // Wrapped lines: no sideways-scrolling region at phone width, which keyboard users could
        // not scroll (axe: scrollable-region-focusable) and which would hide code off-screen.
        EditorView.lineWrapping,
        languageExtension(language),
        highlight ? highlightExtension(highlight) : [],
        EditorState.readOnly.of(readOnly),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        fieldCompartment.current.of(fieldAttributes(fieldRef.current)),
        placeholderCompartment.current.of(placeholderRef.current ? placeholderText(placeholderRef.current) : []),
        EditorView.theme({
          '&': { minHeight: `${minLines * 1.4}em`, border: '1px solid var(--border-strong)', borderRadius: 'var(--radius-small)', background: 'var(--surface)' },
          '&.cm-invalid': { borderColor: 'var(--danger)', boxShadow: '0 0 0 1px var(--danger)' },
          '.cm-scroller': { fontFamily: 'var(--font-mono)' },
          // The default #888 fails AA contrast.
          '.cm-placeholder': { color: 'var(--text-muted)' },
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => view.current?.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is created once; value, field and placeholder sync below
  }, [language, readOnly, label, minLines, highlight]);

  // An outside change (load, reset) replaces the document; the editor's own edits already match.
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  const fieldId = field?.id;
  const fieldDescribedBy = field?.describedBy;
  const fieldInvalid = field?.invalid;
  useEffect(() => {
    view.current?.dispatch({ effects: fieldCompartment.current.reconfigure(fieldAttributes(fieldRef.current)) });
  }, [fieldId, fieldDescribedBy, fieldInvalid]);

  useEffect(() => {
    view.current?.dispatch({ effects: placeholderCompartment.current.reconfigure(placeholder ? placeholderText(placeholder) : []) });
  }, [placeholder]);

  // A <label for> only focuses form controls; the field's label should focus the editor too.
  useEffect(() => {
    if (!fieldId) return;
    const labelElement = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(fieldId)}"]`);
    if (!labelElement) return;
    const focus = () => view.current?.focus();
    labelElement.addEventListener('click', focus);
    return () => labelElement.removeEventListener('click', focus);
  }, [fieldId]);

  return <div ref={host} className="code-editor" />;
}
