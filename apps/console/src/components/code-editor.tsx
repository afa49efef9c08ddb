import { lazy, Suspense } from 'react';
import { Loading } from './loading.js';

/**
 * Marks stretches of the text (e.g. a template's `${placeholders}`) with a class, live, while the
 * person types. Matched within lines, like CodeMirror's `MatchDecorator`.
 */
export interface CodeEditorHighlight {
  /** What to mark. Its flags are kept and `g` added; pass a module constant (a new one rebuilds the editor). */
  readonly pattern: RegExp;
  /** The class of a match's mark, or null to leave that match plain (an escape, say). */
  readonly classOf: (match: RegExpExecArray) => string | null;
  /** A tooltip for a marked match (what it is), if any. */
  readonly titleOf?: (match: RegExpExecArray) => string | undefined;
}

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /**
   * The editor's accessible name (it is a textbox: getByRole('textbox', { name }) and getByLabel
   * find it). Inside a `<Field>`, give the field's label text: the editor also takes the field's
   * help and error (aria-describedby, aria-invalid), and clicking the label focuses it.
   */
  readonly label: string;
  readonly language?: 'javascript' | 'json' | 'text';
  readonly readOnly?: boolean;
  /** Minimum height in lines (default 12). */
  readonly minLines?: number;
  /** Example content shown while the editor is empty. */
  readonly placeholder?: string;
  /** Stretches of the text to mark while typing (see `CodeEditorHighlight`). */
  readonly highlight?: CodeEditorHighlight;
}

// CodeMirror is a few hundred KB: loaded on first use, never on the first page.
const LazyEditor = lazy(() => import('./code-editor-impl.js').then((module) => ({ default: module.CodeEditorImpl })));

/** A CodeMirror 6 editor, lazy-loaded. Controlled: `value` in, `onChange` out. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<Loading label="Loading editor…" />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}
