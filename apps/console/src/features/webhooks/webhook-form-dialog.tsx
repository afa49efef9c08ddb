import type { WebhookEventType, WebhookView } from '@switchboard/contracts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/api-error.js';
import { Button } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog } from '../../components/form-dialog.js';
import { Checkbox, TextArea, TextInput } from '../../components/inputs.js';
import { webhookEventDescriptions, webhookEventTypes } from './webhook-events.js';
import './webhooks.css';

/** What the form submits: the same shape for create and edit. */
export interface WebhookFormValues {
  readonly url: string;
  readonly events: WebhookEventType[];
  readonly description: string;
}

export interface WebhookFormDialogProps {
  readonly open: boolean;
  /** Absent: create. Present: edit this webhook. */
  readonly webhook?: WebhookView;
  readonly pending: boolean;
  /** The last submit's failure: field errors show inline, anything else below the form. */
  readonly error: ApiError | undefined;
  readonly onSubmit: (values: WebhookFormValues) => void;
  readonly onClose: () => void;
}

/** Create or edit a webhook: URL, the events it receives (checkboxes), a description. */
export function WebhookFormDialog({ open, webhook, pending, error, onSubmit, onClose }: WebhookFormDialogProps) {
  const formId = useId();
  const eventsHelpId = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [description, setDescription] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    setUrl(webhook?.url ?? '');
    setEvents(webhook ? [...webhook.events] : []);
    setDescription(webhook?.description ?? '');
    setLocalError(undefined);
  }, [open, webhook]);

  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? webhookEventTypes.filter((item) => item === type || current.includes(item)) : current.filter((item) => item !== type)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The API would refuse an empty list too; saying it here spares a round trip.
    if (events.length === 0) {
      setLocalError('Choose at least one event.');
      return;
    }
    setLocalError(undefined);
    onSubmit({ url: url.trim(), events, description: description.trim() });
  };

  const eventsError = localError ?? error?.fieldError('events');
  const otherError = errorBelowFields(error);
  const allSelected = events.length === webhookEventTypes.length;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      size="wide"
      title={webhook ? 'Edit webhook' : 'Create webhook'}
      description="Switchboard POSTs a signed JSON event to this URL when something happens in an org, and retries failed deliveries up to 5 times."
      formId={formId}
      formClassName="webhook-form"
      onSubmit={submit}
      submitLabel={webhook ? 'Save changes' : 'Create webhook'}
      pending={pending}
    >
      <Field label="Endpoint URL" required error={error?.fieldError('url')} help="An https URL of your backend that accepts POST requests, e.g. https://app.example.com/hooks/switchboard.">
        <TextInput type="url" name="url" value={url} onChange={(event) => setUrl(event.target.value)} spellCheck={false} autoComplete="off" placeholder="https://" data-autofocus />
      </Field>
      <fieldset className="form-section webhook-events" aria-describedby={eventsHelpId} aria-invalid={eventsError ? true : undefined}>
        <legend>Events</legend>
        <p className="field-help" id={eventsHelpId}>
          The events sent to this URL. “Send test event” on the webhook's page works whatever you choose.
        </p>
        <div className="webhook-events-actions">
          <Button size="small" variant="ghost" onClick={() => setEvents(allSelected ? [] : [...webhookEventTypes])}>
            {allSelected ? 'Clear all' : 'Select all'}
          </Button>
        </div>
        <div className="webhook-events-grid">
          {webhookEventTypes.map((type) => (
            <Checkbox
              key={type}
              name="events"
              value={type}
              checked={events.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
              label={
                <>
                  {webhookEventDescriptions[type].label} <code className="webhook-event-code">{type}</code>
                </>
              }
              help={webhookEventDescriptions[type].help}
            />
          ))}
        </div>
        {eventsError && (
          <p className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {eventsError}
          </p>
        )}
      </fieldset>
      <Field label="Description" error={error?.fieldError('description')} help="Optional: what receives these events, so teammates know (at most 500 characters).">
        <TextArea name="description" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} rows={2} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
