import type { WebhookDeliveryView, WebhookView } from '@switchboard/contracts';
import type { Webhook, WebhookDelivery } from './webhook.js';

/** The API form of a webhook: never its secret. */
export function toWebhookView(webhook: Webhook): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    events: [...webhook.events],
    description: webhook.description,
    createdAt: webhook.createdAt.toISOString(),
    updatedAt: webhook.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    attempt: delivery.attempt,
    status: delivery.status,
    responseStatus: delivery.responseStatus,
    durationMs: delivery.durationMs,
    error: delivery.error,
    startedAt: delivery.startedAt.toISOString(),
    finishedAt: delivery.finishedAt.toISOString(),
  };
}
