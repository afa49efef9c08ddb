import { useRef } from 'react';
import { Button } from './button.js';
import { FieldError, FieldMessages, useFieldMessageIds } from './field-messages.js';
import './key-value-editor.css';

/** One editable key/value row. `id` keeps React keys (and focus) stable while rows change. */
export interface KeyValueRow {
  readonly id: string;
  readonly key: string;
  readonly value: string;
}

let rowCounter = 0;
/** A new row with a unique id. */
export function newKeyValueRow(key = '', value = ''): KeyValueRow {
  rowCounter += 1;
  return { id: `kv-${rowCounter}`, key, value };
}

export interface KeyValueEditorProps {
  /** The group's legend, e.g. "Headers" (its accessible name: getByRole('group', { name })). */
  readonly legend: string;
  /** One row's noun for labels and buttons, e.g. "header" → "Header 1 name", "Add header". */
  readonly noun: string;
  readonly rows: readonly KeyValueRow[];
  readonly onChange: (rows: KeyValueRow[]) => void;
  readonly help?: string;
  /** An error about the whole group (e.g. a duplicate key). */
  readonly error?: string | undefined;
  /** An error about one row's key (e.g. from the API's problem, keyed by the row's key). */
  readonly rowError?: (key: string) => string | undefined;
  readonly keyPlaceholder?: string;
  readonly valuePlaceholder?: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Editable key/value rows (headers, query parameters): a name and a value input per row, each
 * with its own label ("Header 2 value"), a Remove button per row and an Add button. Removing a
 * row moves focus to a neighbour, so keyboard users never lose their place.
 */
export function KeyValueEditor({ legend, noun, rows, onChange, help, error, rowError, keyPlaceholder = 'Name', valuePlaceholder = 'Value' }: KeyValueEditorProps) {
  const ids = useFieldMessageIds(help, error);
  const baseId = ids.id;
  const container = useRef<HTMLFieldSetElement>(null);
  const Noun = capitalize(noun);

  const update = (index: number, change: Partial<KeyValueRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const focusRow = (index: number) =>
    requestAnimationFrame(() => {
      const inputs = container.current?.querySelectorAll<HTMLInputElement>('input[data-kv-key]');
      const target = inputs?.[Math.min(index, (inputs?.length ?? 1) - 1)];
      (target ?? container.current?.querySelector<HTMLElement>('[data-kv-add]'))?.focus();
    });

  return (
    <fieldset ref={container} className={error ? 'kv-editor kv-editor-invalid' : 'kv-editor'} aria-describedby={ids.describedBy}>
      <legend className="field-label">{legend}</legend>
      {rows.length === 0 ? (
        <p className="kv-empty muted">No {noun}s.</p>
      ) : (
        <ul className="kv-rows">
          {rows.map((row, index) => {
            const problem = row.key.trim() === '' ? undefined : rowError?.(row.key.trim());
            const problemId = `${baseId}-${row.id}-error`;
            return (
              <li key={row.id} className="kv-row">
                <input
                  className="input kv-key"
                  data-kv-key=""
                  aria-label={`${Noun} ${index + 1} name`}
                  value={row.key}
                  placeholder={keyPlaceholder}
                  spellCheck={false}
                  autoCapitalize="off"
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(event) => update(index, { key: event.target.value })}
                />
                <input
                  className="input kv-value"
                  aria-label={`${Noun} ${index + 1} value`}
                  value={row.value}
                  placeholder={valuePlaceholder}
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(event) => update(index, { value: event.target.value })}
                />
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={`Remove ${noun} ${index + 1}${row.key.trim() ? ` (${row.key.trim()})` : ''}`}
                  onClick={() => {
                    onChange(rows.filter((_, i) => i !== index));
                    focusRow(index);
                  }}
                >
                  Remove
                </Button>
                {problem && (
                  <FieldError className="field-error kv-row-error" id={problemId}>
                    {problem}
                  </FieldError>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <Button
          size="small"
          data-kv-add=""
          onClick={() => {
            onChange([...rows, newKeyValueRow()]);
            focusRow(rows.length);
          }}
        >
          Add {noun}
        </Button>
      </div>
      <FieldMessages ids={ids} help={help} error={error} />
    </fieldset>
  );
}
