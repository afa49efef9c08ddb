import { endpoints, type WebhookView } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { PageFallback } from '../../components/page-fallback.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toast.js';
import { WebhookDeliveriesSection } from './webhook-deliveries-section.js';
import { WebhookEventList } from './webhook-event-list.js';
import { WebhookFormDialog, type WebhookFormValues } from './webhook-form-dialog.js';
import { DateTime } from '../../components/date-time.js';

/** `/webhooks/:webhook`: its settings (edit, delete), a test event, and its delivery log. */
export function WebhookPage() {
  const { webhook: id = '' } = useParams();
  const api = useApi();
  const toast = useToast();
  const navigate = useNavigate();
  const params = { webhook: id };
  const query = useApiQuery((signal) => api.call(endpoints.getWebhook, { params, signal }), [id]);
  const deliveries = useApiQuery((signal) => api.call(endpoints.listWebhookDeliveries, { params, signal }), [id]);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useApiMutation((values: WebhookFormValues) =>
    api.call(endpoints.updateWebhook, { params, body: { url: values.url, events: values.events, description: values.description === '' ? null : values.description } }),
  );
  const remove = useApiMutation(() => api.call(endpoints.deleteWebhook, { params }));
  const test = useApiMutation(() => api.call(endpoints.testWebhook, { params }));
  // Deliveries run in the background: look again shortly after queuing a test event.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const webhook = query.data;
  const back = <Link to="/webhooks">Webhooks</Link>;
  if (query.error || !webhook) {
    return <PageFallback error={query.error} onRetry={query.reload} title="Webhook" eyebrow={back} loadingLabel="Loading webhook…" />;
  }

  const save = async (values: WebhookFormValues) => {
    const result = await update.run(values);
    if (!result.ok) return;
    query.setData(result.data);
    setEditing(false);
    toast.show('Webhook saved', 'success');
  };
  const sendTest = async () => {
    const result = await test.run();
    if (!result.ok) return;
    toast.show('Test event queued; its delivery appears below in a moment', 'success');
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(deliveries.reload, 1500);
  };
  const confirmDelete = async () => {
    const result = await remove.run();
    if (!result.ok) return;
    setDeleting(false);
    toast.show('Webhook deleted', 'success');
    navigate('/webhooks');
  };

  return (
    <>
      <PageHeader
        title="Webhook"
        eyebrow={back}
        description={<span className="break">{webhook.url}</span>}
        actions={
          <>
            <Button variant="primary" onClick={sendTest} loading={test.pending}>
              Send test event
            </Button>
            <Button
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
            >
              Edit webhook
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                remove.reset();
                setDeleting(true);
              }}
            >
              Delete webhook
            </Button>
          </>
        }
      />
      <div className="sections">
        {test.error && <ErrorState error={test.error} onRetry={sendTest} compact />}
        <WebhookDetails webhook={webhook} />
        <WebhookDeliveriesSection webhook={id} deliveries={deliveries} />
      </div>
      <WebhookFormDialog open={editing} webhook={webhook} pending={update.pending} error={update.error} onSubmit={save} onClose={() => setEditing(false)} />
      <Dialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title="Delete this webhook?"
        description="Switchboard stops sending events to this URL at once. Its delivery log and any queued deliveries are deleted too. This cannot be undone."
        footer={
          <>
            <Button onClick={() => setDeleting(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={confirmDelete} loading={remove.pending}>
              Delete webhook
            </Button>
          </>
        }
      >
        <p className="break">
          <code>{webhook.url}</code>
        </p>
        {remove.error && <ErrorState error={remove.error} compact />}
      </Dialog>
    </>
  );
}

function WebhookDetails({ webhook }: { webhook: WebhookView }) {
  const when = (iso: string) => <DateTime iso={iso} />;
  return (
    <section className="card section" aria-labelledby="webhook-details-heading">
      <h2 id="webhook-details-heading">Settings</h2>
      <dl className="facts">
        <div className="fact">
          <dt>Endpoint URL</dt>
          <dd>
            <code className="break">{webhook.url}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>Events</dt>
          <dd>
            <WebhookEventList events={webhook.events} />
          </dd>
        </div>
        <div className="fact">
          <dt>Description</dt>
          <dd>{webhook.description ? <span className="break">{webhook.description}</span> : <span className="muted">—</span>}</dd>
        </div>
        <div className="fact">
          <dt>Signing secret</dt>
          <dd className="muted">Shown once, when the webhook was created. To get a new one, delete this webhook and create another.</dd>
        </div>
        <div className="fact">
          <dt>Created</dt>
          <dd>{when(webhook.createdAt)}</dd>
        </div>
        <div className="fact">
          <dt>Updated</dt>
          <dd>{when(webhook.updatedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
