import { PageHeader } from '../../components/page-header.js';

/** A registered route whose page is being built; replace its element in app/routes.tsx. */
export function ComingNextPage({ title, eyebrow }: { title: string; eyebrow?: string }) {
  return (
    <>
      <PageHeader title={title} eyebrow={eyebrow} />
      <div className="card section">
        <p>This page is coming next.</p>
      </div>
    </>
  );
}
