import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  readonly size?: 'normal' | 'small';
  /** Shows a spinner, sets aria-busy and blocks clicks; the label stays so its accessible name does not change. */
  readonly loading?: boolean;
  readonly children: ReactNode;
}

const classes = (variant: ButtonVariant, size: 'normal' | 'small', extra?: string) =>
  ['btn', `btn-${variant}`, size === 'small' ? 'btn-small' : '', extra ?? ''].filter(Boolean).join(' ');

/** The one button. `type` defaults to "button" so a button inside a form never submits by accident. */
export function Button({ variant = 'secondary', size = 'normal', loading = false, type = 'button', className, disabled, children, onClick, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes(variant, size, className)}
      // aria-disabled keeps a loading button focusable (focus is not lost mid-submit).
      aria-disabled={disabled || loading ? true : undefined}
      disabled={disabled}
      aria-busy={loading || undefined}
      onClick={(event) => {
        if (loading) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {loading && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A router link styled as a button (navigation is a link, not a button, for assistive tech). */
export function ButtonLink({ variant = 'secondary', size = 'normal', className, ...rest }: LinkProps & { variant?: ButtonVariant; size?: 'normal' | 'small' }) {
  return <Link {...rest} className={classes(variant, size, className)} />;
}
