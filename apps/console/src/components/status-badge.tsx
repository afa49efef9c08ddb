export type BadgeTone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

/** Known statuses → label and tone; anything else shows as its own words in neutral. */
const known: Record<string, { label: string; tone: BadgeTone }> = {
  authorized: { label: 'Authorized', tone: 'success' },
  not_authorized: { label: 'Not authorized', tone: 'neutral' },
  needs_reauthorization: { label: 'Needs re-authorization', tone: 'warning' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  delivered: { label: 'Delivered', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  pending: { label: 'Pending', tone: 'info' },
  queued: { label: 'Queued', tone: 'info' },
  set: { label: 'Set', tone: 'success' },
  not_set: { label: 'Not set', tone: 'warning' },
  draft: { label: 'Draft', tone: 'neutral' },
  published: { label: 'Published', tone: 'success' },
};

/** A small pill with text (never color alone). Pass `label`/`tone` to override. */
export function StatusBadge({ status, label, tone }: { status: string; label?: string; tone?: BadgeTone }) {
  const entry = known[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' as const };
  return <span className={`badge badge-${tone ?? entry.tone}`}>{label ?? entry.label}</span>;
}
