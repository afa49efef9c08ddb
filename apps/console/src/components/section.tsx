import type { ReactNode } from 'react';

export interface SectionProps {
  /** The h2's id (the section's accessible name comes from it), e.g. "solution-releases-heading". */
  readonly headingId: string;
  /** The h2: tests find sections by it (getByRole('heading', { name })). */
  readonly title: ReactNode;
  /** A sentence under the title: what the section holds and why. */
  readonly intro?: ReactNode;
  /** Buttons at the header's right (wrap below the title at phone width). */
  readonly actions?: ReactNode;
  /** The section element's own id (an anchor to link to), e.g. "versions". */
  readonly id?: string;
  /** Classes added to `card section`, e.g. "contained". */
  readonly className?: string;
  readonly children: ReactNode;
}

/** A card section of a page: its h2 (with an intro) and actions in the header, then its content. */
export function Section({ headingId, title, intro, actions, id, className, children }: SectionProps) {
  const heading = <h2 id={headingId}>{title}</h2>;
  return (
    <section className={className ? `card section ${className}` : 'card section'} aria-labelledby={headingId} id={id}>
      <div className="section-header">
        {intro ? (
          <div>
            {heading}
            <p className="section-intro">{intro}</p>
          </div>
        ) : (
          heading
        )}
        {actions}
      </div>
      {children}
    </section>
  );
}
