import { lazy, Suspense } from 'react';
import { Loading } from './loading.js';

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The editor's accessible name (it is a textbox: getByRole('textbox', { name })). */
  readonly label: string;
  readonly language?: 'javascript' | 'json' | 'text';
  readonly readOnly?: boolean;
  /** Minimum height in lines (default 12). */
  readonly minLines?: number;
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
