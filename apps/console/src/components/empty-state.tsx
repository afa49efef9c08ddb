import type { ReactNode } from 'react';

export interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** The one action that fills the list. */
  readonly action?: ReactNode;
  /**
   * The title's heading level: 2 directly under a page's h1 (default), 3 inside a section whose
   * own heading is an h2, so the outline never skips or flattens a level.
   */
  readonly level?: 2 | 3 | 4;
}

/** Nothing here yet: what this list will hold and the one action that fills it. */
export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Heading = `h${level}` as const;
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      {children && <div className="empty-state-body">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
