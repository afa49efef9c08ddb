import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';
import { ErrorState } from './error-state.js';

export interface ConfirmDialogProps {
  readonly open: boolean;
  /** The dialog's accessible name, e.g. "Delete solution". */
  readonly title: string;
  /** What will happen, in a sentence or two. */
  readonly children: ReactNode;
  /** The confirming button's text (its accessible name), e.g. "Delete solution". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly pending?: boolean;
  /** The last attempt's failure, shown in the dialog (e.g. 409 in_use). */
  readonly error?: ApiError | undefined;
  /** `danger` (default) for destructive actions. */
  readonly variant?: 'danger' | 'primary';
}

/**
 * "Are you sure?" for an action that cannot be undone. Focus starts on Cancel, so Enter on a
 * keyboard never destroys anything by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, pending = false, error, variant = 'danger' }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant={variant} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div>{children}</div>
      {error && <ErrorState error={error} compact />}
    </Dialog>
  );
}
