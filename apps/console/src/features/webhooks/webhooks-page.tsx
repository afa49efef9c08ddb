import { endpoints, type WebhookView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { PageHeader } from '../../components/page-header.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
import { WebhookEventList } from './webhook-event-list.js';
import { WebhookFormDialog, type WebhookFormValues } from './webhook-form-dialog.js';
import { WebhookSecretDialog } from './webhook-secret-dialog.js';
import { DateTime } from '../../components/date-time.js';

const columns: readonly Column<WebhookView>[] = [
  {
    key: 'url',
    header: 'Endpoint URL',
    cell: (webhook) => (
      <Link to={`/webhooks/${encodeURIComponent(webhook.id)}`} className="strong-link break">
        {webhook.url}
      </Link>
    ),
  },
  { key: 'events', header: 'Events', cell: (webhook) => <WebhookEventList events={webhook.events} /> },
  { key: 'description', header: 'Description', cell: (webhook) => (webhook.description ? <span className="break">{webhook.description}</span> : <span className="muted">—</span>) },
  { key: 'created', header: 'Created', cell: (webhook) => <DateTime iso={webhook.createdAt} /> },
];

/** `/webhooks`: where Switchboard sends signed events about orgs' connections and installations. */
export function WebhooksPage() {
  const api = useApi();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const query = useApiQuery((signal) => api.call(endpoints.listWebhooks, { signal }), []);
  const create = useApiMutation((values: WebhookFormValues) =>
    api.call(endpoints.createWebhook, { body: { url: values.url, events: values.events, ...(values.description ? { description: values.description } : {}) } }),
  );

  const openCreate = () => {
    create.reset();
    setCreating(true);
  };
  const submit = async (values: WebhookFormValues) => {
    const result = await create.run(values);
    if (!result.ok) return;
    setCreating(false);
    setSecret(result.data.secret);
    toast.show('Webhook created', 'success');
    query.reload();
  };
  const createButton = (
    <Button variant="primary" onClick={openCreate}>
      Create webhook
    </Button>
  );
  const items = query.data?.items;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Switchboard POSTs a signed event to your backend when a connection is authorized, revoked or needs attention, a function fails, or an installation changes."
        actions={items && items.length > 0 ? createButton : undefined}
      />
      <QueryContent
        query={query}
        data={items}
        loadingLabel="Loading webhooks…"
        empty={
          <EmptyState title="No webhooks yet" action={createButton}>
            <p>Add the URL of an endpoint in your backend and choose the events it should receive. You get a signing secret to verify each delivery.</p>
          </EmptyState>
        }
      >
        {(items) => <Table caption="Webhooks" columns={columns} rows={items} rowKey={(webhook) => webhook.id} />}
      </QueryContent>
      <WebhookFormDialog open={creating} pending={create.pending} error={create.error} onSubmit={submit} onClose={() => setCreating(false)} />
      <WebhookSecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
