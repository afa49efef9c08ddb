import { useId, type ReactNode } from 'react';

/** The ids that tie a control to its help and error paragraphs, and its aria-describedby. */
export interface FieldMessageIds {
  readonly id: string;
  readonly helpId: string;
  readonly errorId: string;
  /** The error first (read before the help), then the help; undefined when neither is shown. */
  readonly describedBy: string | undefined;
}

/**
 * One id for the control, and ids for its error and help paragraphs. `describedBy` names only
 * those that are shown, so a screen reader never points at a missing element.
 */
export function useFieldMessageIds(help: unknown, error: unknown): FieldMessageIds {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', help ? helpId : ''].filter(Boolean).join(' ') || undefined;
  return { id, helpId, errorId, describedBy };
}

/** An inline error paragraph (the ⚠ is decorative: the text says it all). */
export function FieldError({ id, className = 'field-error', children }: { id?: string | undefined; className?: string; children: ReactNode }) {
  return (
    <p className={className} id={id}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

/** A control's error then help paragraphs, each only when it has text, with the ids from `useFieldMessageIds`. */
export function FieldMessages({ ids, help, error }: { ids: FieldMessageIds; help?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
      {help && (
        <p className="field-help" id={ids.helpId}>
          {help}
        </p>
      )}
    </>
  );
}
