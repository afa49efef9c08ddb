import type { AuditEvent, AuditEventType } from '../events/audit-event.js';
import type { DispatchPosition, Webhook, WebhookDelivery } from './webhook.js';

export type WebhookPatch = Partial<{ url: string; events: Webhook['events']; description: string | null }>;

export interface WebhookRepository {
  insert(webhook: Webhook): Promise<void>;
  get(id: string): Promise<Webhook | undefined>;
  /** Oldest first. */
  list(): Promise<Webhook[]>;
  update(id: string, patch: WebhookPatch, updatedAt: Date): Promise<Webhook | undefined>;
  /** Deletes the webhook with its delivery log. */
  delete(id: string): Promise<boolean>;
}

export interface WebhookDeliveryQuery {
  readonly webhookId: string;
  /** Only attempts strictly older than this (startedAt, id) position: the cursor. */
  readonly before?: { readonly at: Date; readonly id: string } | undefined;
  readonly limit: number;
}

export interface WebhookDeliveryRepository {
  /** False when the webhook is gone (deleted while the attempt ran): nothing is stored. */
  insert(delivery: WebhookDelivery): Promise<boolean>;
  /** Newest first: (startedAt, id) descending. */
  list(query: WebhookDeliveryQuery): Promise<WebhookDelivery[]>;
}

/** The dispatcher's read position in the audit log, shared by every instance. */
export interface WebhookDispatchRepository {
  /** Undefined before the first pass ever. */
  position(): Promise<DispatchPosition | undefined>;
  /** Moves the position forward to `to`; never back (instances race harmlessly). */
  advance(to: DispatchPosition): Promise<void>;
  /**
   * Audit events of any org with one of `types`, strictly after `after` in (at, id) order,
   * oldest first (from the beginning when `after` is undefined).
   */
  eventsAfter(input: { readonly after: DispatchPosition | undefined; readonly types: readonly AuditEventType[]; readonly limit: number }): Promise<AuditEvent[]>;
}
