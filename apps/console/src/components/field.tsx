import { createContext, useContext, type ReactNode } from 'react';
import { FieldMessages, useFieldMessageIds } from './field-messages.js';

/** What a control inside a `<Field>` needs to wire itself to the label, help and error. */
export interface FieldControl {
  readonly id: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly required: boolean;
}

const FieldContext = createContext<FieldControl | null>(null);

/** The wiring of the enclosing `<Field>` (controls call it; null outside a field). */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

export interface FieldProps {
  readonly label: ReactNode;
  /** One short sentence: what the value is and where to find it. */
  readonly help?: ReactNode;
  /** The inline error (from `ApiError.fieldError(path)`); sets aria-invalid on the control. */
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly children: ReactNode;
  readonly className?: string;
}

/**
 * Label + control + help + inline error. The control inside (TextInput, TextArea, Select) takes
 * its id, aria-describedby (help and error), aria-invalid and required from here.
 */
export function Field({ label, help, error, required = false, children, className }: FieldProps) {
  const ids = useFieldMessageIds(help, error);
  const { id, describedBy } = ids;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && <span className="field-required"> (required)</span>}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid: !!error, required }}>{children}</FieldContext.Provider>
      <FieldMessages ids={ids} help={help} error={error} />
    </div>
  );
}
