import { auditEventTypeSchema, endpoints, type AuditEventView, type EventPage } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { Select } from '../../components/inputs.js';
import { Loading } from '../../components/loading.js';
import { Table, type Column } from '../../components/table.js';
import { describeActor, eventTypeLabels, summarizeEvent } from './event-descriptions.js';
import './events.css';
import { DateTime } from '../../components/date-time.js';
import { formatDateTime } from '../../format/format-date-time.js';

type EventType = AuditEventView['type'];

const columns: readonly Column<AuditEventView>[] = [
  {
    key: 'time',
    header: 'Time',
    cell: (event) => (
<DateTime iso={event.at} precision="seconds" className="event-time" />
    ),
  },
  {
    key: 'type',
    header: 'Type',
    cell: (event) => {
      const summary = summarizeEvent(event);
      return (
        <span className="event-type">
          <span>{eventTypeLabels[event.type] ?? event.type}</span>
          <code className="event-type-code">{event.type}</code>
          {summary && <span className="muted event-summary">{summary}</span>}
        </span>
      );
    },
  },
  { key: 'connector', header: 'Connector', cell: (event) => (event.connector ? <code>{event.connector}</code> : <span className="muted">—</span>) },
  { key: 'actor', header: 'Actor', cell: (event) => <span className="break">{describeActor(event.actor)}</span> },
  {
    key: 'details',
    header: 'Details',
    cell: (event) => (
      <details className="event-details">
        <summary>
          Details<span className="visually-hidden"> of {eventTypeLabels[event.type] ?? event.type} at {formatDateTime(event.at, 'seconds')}</span>
        </summary>
        <pre>{JSON.stringify({ id: event.id, actor: event.actor, data: event.data }, null, 2)}</pre>
      </details>
    ),
  },
];

/**
 * An org's audit events, newest first: filters by type and connector, and "Load more" with the
 * API's cursor. Shared by the builder's Events page (any org) and the subscriber's Setup › Events.
 */
export function EventsView({ org }: { org: string }) {
  const api = useApi();
  const filtersId = useId();
  const [type, setType] = useState<EventType | ''>('');
  const [connector, setConnector] = useState('');
  const query = (cursor?: string) => ({ ...(type ? { type } : {}), ...(connector ? { connector } : {}), ...(cursor ? { cursor } : {}) });

  // The connector filter offers the org's connectors (its checklist); without it, only "All".
  const connections = useApiQuery((signal) => api.call(endpoints.listConnections, { params: { org }, signal }), [org]);
  const events = useApiQuery((signal) => api.call(endpoints.listEvents, { params: { org }, query: query(), signal }), [org, type, connector]);
  const more = useApiMutation((cursor: string) => api.call(endpoints.listEvents, { params: { org }, query: query(cursor) }));

  const loadMore = async () => {
    const cursor = events.data?.nextCursor;
    if (!cursor) return;
    const result = await more.run(cursor);
    if (!result.ok) return;
    // Skip ids already shown: a late event can land on a page already read (see README § Order).
    events.setData((current): EventPage => {
      const seen = new Set(current?.items.map((item) => item.id));
      return { items: [...(current?.items ?? []), ...result.data.items.filter((item) => !seen.has(item.id))], nextCursor: result.data.nextCursor };
    });
  };

  const filtered = type !== '' || connector !== '';
  const connectorNames = connections.data?.items.map((item) => item.connector) ?? [];
  if (connector && !connectorNames.includes(connector)) connectorNames.push(connector);

  return (
    <div className="events-view">
      <form className="toolbar events-filters" aria-labelledby={`${filtersId}-label`} onSubmit={(event) => event.preventDefault()}>
        <span id={`${filtersId}-label`} className="visually-hidden">
          Filter events
        </span>
        <Field label="Type">
          <Select value={type} onChange={(event) => setType(event.target.value as EventType | '')}>
            <option value="">All types</option>
            {auditEventTypeSchema.options.map((option) => (
              <option key={option} value={option}>
                {eventTypeLabels[option]} ({option})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Connector">
          <Select value={connector} onChange={(event) => setConnector(event.target.value)}>
            <option value="">All connectors</option>
            {connectorNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        {filtered && (
          <Button
            variant="ghost"
            onClick={() => {
              setType('');
              setConnector('');
            }}
          >
            Clear filters
          </Button>
        )}
        <Button onClick={events.reload} loading={events.loading}>
          Refresh
        </Button>
      </form>
      {events.error ? (
        <ErrorState error={events.error} onRetry={events.reload} />
      ) : !events.data || events.loading ? (
        <Loading label="Loading events…" />
      ) : events.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No events match these filters' : 'No events yet'}>
          <p>
            {filtered
              ? 'Try another type or connector, or clear the filters.'
              : 'Authorizations, API calls, revocations and installations of this org are recorded here as they happen.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="muted events-count" role="status" aria-live="polite">
            {events.data.items.length} event{events.data.items.length === 1 ? '' : 's'} shown, newest first{events.data.nextCursor ? '; more are available' : ''}.
          </p>
          <Table caption={`Events of ${org}`} columns={columns} rows={events.data.items} rowKey={(event) => event.id} />
          {more.error && <ErrorState error={more.error} onRetry={loadMore} compact />}
          {events.data.nextCursor && (
            <div className="events-more">
              <Button onClick={loadMore} loading={more.pending}>
                Load more
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
