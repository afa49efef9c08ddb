import { useEffect, type ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's one h1 (tests find pages by it: getByRole('heading', { level: 1 })). */
  readonly title: ReactNode;
  /** Breadcrumb-like context above the title, e.g. "Setup" or a link back to the list. */
  readonly eyebrow?: ReactNode;
  readonly description?: ReactNode;
  /** Buttons on the right (wrap below the title at phone width). */
  readonly actions?: ReactNode;
}

/** Also sets the document title (the browser tab, and what screen readers announce on navigation). */
export function PageHeader({ title, eyebrow, description, actions }: PageHeaderProps) {
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · Switchboard`;
  }, [title]);
  return (
    <header className="page-header">
      <div className="page-header-text">
        {eyebrow && <div className="page-eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
