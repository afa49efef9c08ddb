import { endpoints, type WebhookDeliveryPage, type WebhookDeliveryView } from '@switchboard/contracts';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import type { ApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Table, type Column } from '../../components/table.js';
import './webhooks.css';
import { DateTime } from '../../components/date-time.js';

const columns: readonly Column<WebhookDeliveryView>[] = [
  {
    key: 'time',
    header: 'Time',
    cell: (delivery) => (
<DateTime iso={delivery.startedAt} precision="seconds" className="delivery-time" />
    ),
  },
  { key: 'event', header: 'Event', cell: (delivery) => <code>{delivery.eventType}</code> },
  {
    key: 'status',
    header: 'Status',
    cell: (delivery) => (
      <span className="delivery-status">
        <StatusBadge status={delivery.status} />
        {delivery.error && <span className="muted delivery-error">{delivery.error}</span>}
      </span>
    ),
  },
  { key: 'attempt', header: 'Attempt', className: 'numeric', cell: (delivery) => `${delivery.attempt} of 5` },
  { key: 'response', header: 'Response code', className: 'numeric', cell: (delivery) => (delivery.responseStatus === null ? <span className="muted">none</span> : delivery.responseStatus) },
  { key: 'duration', header: 'Duration', className: 'numeric', cell: (delivery) => `${delivery.durationMs} ms` },
];

/**
 * The webhook's delivery log, newest first: each attempt's status, response code and timing,
 * with "Load more" on the API's cursor. The page owns the query so "Send test event" can refresh it.
 */
export function WebhookDeliveriesSection({ webhook, deliveries }: { webhook: string; deliveries: ApiQuery<WebhookDeliveryPage> }) {
  const api = useApi();
  const more = useApiMutation((cursor: string) => api.call(endpoints.listWebhookDeliveries, { params: { webhook }, query: { cursor } }));
  const loadMore = async () => {
    const cursor = deliveries.data?.nextCursor;
    if (!cursor) return;
    const result = await more.run(cursor);
    if (!result.ok) return;
    deliveries.setData((current): WebhookDeliveryPage => {
      const seen = new Set(current?.items.map((item) => item.id));
      return { items: [...(current?.items ?? []), ...result.data.items.filter((item) => !seen.has(item.id))], nextCursor: result.data.nextCursor };
    });
  };
  const items = deliveries.data?.items;

  return (
    <Section
      headingId="webhook-deliveries-heading"
      title="Deliveries"
      actions={
        <Button size="small" onClick={deliveries.reload} loading={deliveries.loading}>
          Refresh deliveries
        </Button>
      }
    >
      <QueryContent
        query={deliveries}
        data={items}
        loadingLabel="Loading deliveries…"
        empty={
          <EmptyState level={3} title="No deliveries yet">
            <p>Each attempt to deliver an event appears here with the receiver's response code. Send a test event to try your endpoint.</p>
          </EmptyState>
        }
      >
        {(items) => (
          <>
            <Table caption="Deliveries" columns={columns} rows={items} rowKey={(delivery) => delivery.id} />
            {more.error && <ErrorState error={more.error} onRetry={loadMore} compact />}
            {deliveries.data?.nextCursor && (
              <div className="list-more">
                <Button onClick={loadMore} loading={more.pending}>
                  Load more deliveries
                </Button>
              </div>
            )}
          </>
        )}
      </QueryContent>
    </Section>
  );
}
