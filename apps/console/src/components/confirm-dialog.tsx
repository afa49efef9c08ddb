import { useState, type ReactNode } from 'react';
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

/** The confirming action's state, as `useApiMutation` gives it. */
interface ConfirmedAction {
  readonly pending: boolean;
  readonly error: ApiError | undefined;
  readonly reset: () => void;
}

/** A ConfirmDialog's opening and closing around one action, and what it is asked about. */
export interface Confirmation<S> {
  /** What the open dialog asks about (a row, or `true`); undefined while it is closed. */
  readonly subject: S | undefined;
  /** Open the dialog about `subject`, clearing the action's last error. */
  readonly ask: (subject: S) => void;
  readonly close: () => void;
  /** Spread into `<ConfirmDialog>`: open, onClose, pending, error. */
  readonly dialog: Pick<ConfirmDialogProps, 'open' | 'onClose' | 'pending' | 'error'>;
}

/**
 * The state of a ConfirmDialog for `action`: each opening starts without the last attempt's error.
 *
 * ```tsx
 * const confirmDelete = useConfirmation<true>(remove);
 * <Button onClick={() => confirmDelete.ask(true)}>Delete</Button>
 * <ConfirmDialog {...confirmDelete.dialog} title="Delete" confirmLabel="Delete" onConfirm={…}>…</ConfirmDialog>
 * ```
 */
export function useConfirmation<S>(action: ConfirmedAction): Confirmation<S> {
  const [subject, setSubject] = useState<S | undefined>(undefined);
  const close = () => setSubject(undefined);
  return {
    subject,
    ask: (next) => {
      action.reset();
      setSubject(next);
    },
    close,
    dialog: { open: subject !== undefined, onClose: close, pending: action.pending, error: action.error },
  };
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
