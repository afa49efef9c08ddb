import type { WebhookEventType } from '@switchboard/contracts';
import { webhookEventDescriptions } from './webhook-events.js';
import './webhooks.css';

/** A webhook's events as small code chips, each titled with its meaning. */
export function WebhookEventList({ events }: { events: readonly WebhookEventType[] }) {
  return (
    <ul className="webhook-event-list" aria-label="Events">
      {events.map((type) => (
        <li key={type}>
          <code title={webhookEventDescriptions[type]?.label}>{type}</code>
        </li>
      ))}
    </ul>
  );
}
