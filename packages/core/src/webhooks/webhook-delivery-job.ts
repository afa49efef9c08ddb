import type { NewJob } from '../jobs/job.js';
import type { JsonValue } from '../json-value.js';
import { uuidV7 } from '../security/uuid-v7.js';
import type { WebhookMessage } from './webhook.js';

/** The job type whose handler POSTs one message to one webhook. */
export const webhookDeliverJobType = 'webhook.deliver';

/** Attempts per message, the first included (then the job is dead). */
export const webhookMaxAttempts = 5;

/** What a delivery job stores: the webhook and the whole message, so every retry sends the same body. */
export interface WebhookDeliveryJobPayload {
  readonly webhookId: string;
  readonly message: WebhookMessage;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The payload of a stored delivery job, or undefined when it is not one (written by another version). */
export function readWebhookDeliveryJobPayload(payload: JsonValue): WebhookDeliveryJobPayload | undefined {
  if (!isRecord(payload) || !isText(payload['webhookId'])) return undefined;
  const message = payload['message'];
  if (!isRecord(message) || !isText(message['id']) || !isText(message['type']) || !isText(message['timestamp']) || !isRecord(message['data'])) return undefined;
  return payload as unknown as WebhookDeliveryJobPayload;
}

/**
 * The job delivering `message` to `webhookId`. Its idempotency key makes a second enqueue of the
 * same pair (another instance, the dispatcher's overlap window) a no-op.
 */
export function webhookDeliveryJob(webhookId: string, message: WebhookMessage, now: Date): NewJob {
  const payload: WebhookDeliveryJobPayload = { webhookId, message };
  return {
    id: uuidV7(now),
    type: webhookDeliverJobType,
    payload: payload as unknown as JsonValue,
    runAt: now,
    maxAttempts: webhookMaxAttempts,
    idempotencyKey: `webhook:${webhookId}:${message.id}`,
  };
}
