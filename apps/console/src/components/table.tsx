import type { ReactNode } from 'react';

export interface Column<T> {
  /** Unique key; also the phone-width label's fallback. */
  readonly key: string;
  readonly header: ReactNode;
  /** The label shown before the value when rows stack at phone width. */
  readonly label?: string;
  readonly cell: (row: T) => ReactNode;
  readonly className?: string;
}

export interface TableProps<T> {
  /** Visible caption, or an accessible one via `captionHidden` (getByRole('table', { name })). */
  readonly caption: string;
  readonly captionHidden?: boolean;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
}

/**
 * A data table. Wide screens: a normal table. Phone width: each row becomes a card, each cell
 * prefixed by its column label (CSS, from `data-label`), so nothing scrolls sideways.
 */
export function Table<T>({ caption, captionHidden = true, columns, rows, rowKey }: TableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={column.className} data-label={column.label ?? (typeof column.header === 'string' ? column.header : column.key)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
