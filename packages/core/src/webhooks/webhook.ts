import type { WebhookEventType } from '@switchboard/contracts';
import type { JsonValue } from '../json-value.js';

/** A receiver of signed event deliveries (platform-wide, managed with the admin key). */
export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly description: string | null;
  /** The Standard Webhooks secret (`whsec_…`), encrypted with context {@link webhookSecretContext}. */
  readonly secretEncrypted: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One event as delivered: the JSON body, plus the id sent as `webhook-id` on every attempt. */
export interface WebhookMessage {
  /** Stable across retries (Standard Webhooks: receivers deduplicate on it). */
  readonly id: string;
  readonly type: WebhookEventType | 'webhook.test';
  /** ISO 8601: when the thing happened (the audit event's time). */
  readonly timestamp: string;
  /** Ids, names and statuses only: never a token, key or secret. */
  readonly data: Readonly<Record<string, JsonValue>>;
}

/** One POST of one message to a webhook's URL. */
export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly attempt: number;
  readonly status: 'succeeded' | 'failed';
  readonly responseStatus: number | null;
  readonly durationMs: number;
  /** Non-secret: a code and a message naming the host, never the URL. */
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** A point in the audit log, (at, id) ascending: how far the dispatcher has read. */
export interface DispatchPosition {
  readonly at: Date;
  readonly id: string;
}

/** The GCM additional data binding a webhook's encrypted secret to its row. */
export const webhookSecretContext = (webhookId: string): string => `webhook:${webhookId}:secret`;
