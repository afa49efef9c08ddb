import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FieldMessages, useFieldMessageIds } from './field-messages.js';
import { useFieldControl } from './field.js';

/** The Field's wiring as attributes; a caller's own id/aria-describedby win. */
function useWiring(props: { id?: string | undefined; 'aria-describedby'?: string | undefined; required?: boolean | undefined }) {
  const field = useFieldControl();
  return {
    id: props.id ?? field?.id,
    'aria-describedby': props['aria-describedby'] ?? field?.describedBy,
    'aria-invalid': field?.invalid ? true : undefined,
    required: props.required ?? field?.required,
  };
}

/** A text-like input (text, url, email, password, search, number); use inside `<Field>`. */
export function TextInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input type="text" {...props} {...useWiring(props)} className={['input', className ?? ''].join(' ').trim()} />;
}

export function TextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} {...useWiring(props)} className={['input', 'textarea', className ?? ''].join(' ').trim()} />;
}

export function Select({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <select {...props} {...useWiring(props)} className={['input', 'select', className ?? ''].join(' ').trim()}>
      {children}
    </select>
  );
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  readonly label: ReactNode;
  readonly help?: ReactNode;
  readonly error?: string | undefined;
}

/** A checkbox with its label to the right, and its own help and error (not inside `<Field>`). */
export function Checkbox({ label, help, error, className, ...props }: CheckboxProps) {
  const ids = useFieldMessageIds(help, error);
  return (
    <div className={['field', 'field-checkbox', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="checkbox-row">
        <input {...props} type="checkbox" id={ids.id} className="checkbox" aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      <FieldMessages ids={ids} help={help} error={error} />
    </div>
  );
}
