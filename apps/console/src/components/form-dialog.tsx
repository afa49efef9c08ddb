import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../api/api-error.js';
import { Button } from './button.js';
import { Dialog, type DialogProps } from './dialog.js';

export interface FormDialogProps extends Omit<DialogProps, 'footer'> {
  /** The form's id (the footer's submit button sits outside the form and names it). */
  readonly formId: string;
  readonly formClassName?: string;
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The submit button's text (its accessible name), e.g. "Create function". */
  readonly submitLabel: ReactNode;
  readonly pending: boolean;
  readonly submitDisabled?: boolean;
  /** The other button's text: "Cancel" unless closing means "not now" (e.g. "Later"). */
  readonly cancelLabel?: ReactNode;
}

/**
 * A dialog around one form: Cancel and the primary submit button in the footer, the form
 * unvalidated by the browser (`noValidate`: the server's problems are shown at their fields).
 */
export function FormDialog({ formId, formClassName, onSubmit, submitLabel, pending, submitDisabled, cancelLabel = 'Cancel', children, onClose, ...dialog }: FormDialogProps) {
  return (
    <Dialog
      {...dialog}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="submit" form={formId} variant="primary" loading={pending} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className={formClassName ? `form ${formClassName}` : 'form'} onSubmit={onSubmit} noValidate>
        {children}
      </form>
    </Dialog>
  );
}

/**
 * Run `reset` each time `open` turns true, so a dialog opened again starts from its initial
 * values and without the last attempt's error (not on every render while it is open).
 */
export function useResetOnOpen(open: boolean, reset: () => void): void {
  const resetRef = useRef(reset);
  resetRef.current = reset;
  useEffect(() => {
    if (open) resetRef.current();
  }, [open]);
}

/**
 * The error to show below the form: `error` unless it has a field error at one of `paths`
 * (that one is shown at its field). With no paths: unless it has any field error at all.
 */
export function errorBelowFields(error: ApiError | undefined, paths?: readonly string[]): ApiError | undefined {
  if (!error) return undefined;
  const placed = paths ? paths.some((path) => error.fieldError(path)) : Object.keys(error.fieldErrors).length > 0;
  return placed ? undefined : error;
}
