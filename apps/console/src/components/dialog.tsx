import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useToastHost } from './toast.js';

export interface DialogProps {
  readonly open: boolean;
  /** Escape, the Close button, or the caller's own Cancel: the owner sets `open` to false. */
  readonly onClose: () => void;
  /** The dialog's accessible name (getByRole('dialog', { name })). */
  readonly title: string;
  readonly description?: ReactNode;
  readonly children: ReactNode;
  /** Action buttons, right-aligned. */
  readonly footer?: ReactNode;
  readonly size?: 'normal' | 'wide';
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page inert and sends
 * Escape as `cancel`. Focus goes to the control marked `data-autofocus` (else the first focusable
 * one) and returns to whatever had it when the dialog opened.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  // Toasts shown while the dialog is open render inside it: above its backdrop, not inert.
  const [toastHost, setToastHost] = useState<HTMLDivElement | null>(null);
  useToastHost(toastHost, open);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // showModal focuses the first focusable element (the × button); prefer the marked control.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault(); // the owner decides (it may be mid-save)
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog ref={ref} className={size === 'wide' ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      {open && (
        <div className="dialog-inner">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          {description && (
            <p className="dialog-description" id={descriptionId}>
              {description}
            </p>
          )}
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
      {/* Empty unless a toast is shown while the dialog is open (ToastProvider portals into it). */}
      <div ref={setToastHost} />
    </dialog>
  );
}
