import { randomUUID } from 'node:crypto';
import {
  defaultDeliveryPageSize,
  maxDeliveryPageSize,
  webhookEventTypeSchema,
  webhookTestEventType,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type WebhookCreated,
  type WebhookDeliveryPage,
  type WebhookEventType,
  type WebhookTestQueued,
  type WebhookView,
} from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { decodeEventCursor, encodeEventCursor } from '../events/event-cursor.js';
import type { StoreRepositories } from '../ports/store.js';
import { uuidV7 } from '../security/uuid-v7.js';
import { SwitchboardError } from '../switchboard-error.js';
import { webhookSecretContext, type Webhook, type WebhookMessage } from './webhook.js';
import { webhookDeliveryJob } from './webhook-delivery-job.js';
import type { WebhookPatch } from './webhook-repository.js';
import { newWebhookSecret } from './webhook-secret.js';
import { toWebhookDeliveryView, toWebhookView } from './webhook-view.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** In the contract's order, whatever order the request listed them in. */
const canonical = (events: readonly WebhookEventType[]): WebhookEventType[] => webhookEventTypeSchema.options.filter((type) => events.includes(type));

const notFound = (id: string) => new SwitchboardError('not_found', `Webhook '${id.slice(0, 100)}' does not exist.`, { details: { webhook: id.slice(0, 100) } });

async function requireWebhook(store: Pick<StoreRepositories, 'webhooks'>, id: string): Promise<Webhook> {
  // Ids are UUIDs: anything else matches no row, and is answered without a query (a NUL byte
  // would otherwise reach PostgreSQL as an encoding error).
  const webhook = uuidPattern.test(id) ? await store.webhooks.get(id) : undefined;
  if (!webhook) throw notFound(id);
  return webhook;
}

export interface ListDeliveriesInput {
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

/** Managing webhooks (admin key): the secret is generated here, shown once and stored encrypted. */
export interface WebhookServiceOptions {
  /** Called after a delivery job was queued (wakes the job runner rather than waiting for its poll). */
  readonly onQueued?: () => void;
}

export function createWebhookService(deps: Pick<CoreDeps, 'store' | 'cipher' | 'clock'>, options: WebhookServiceOptions = {}) {
  const { store, cipher, clock } = deps;
  return {
    async create(input: CreateWebhookInput): Promise<WebhookCreated> {
      const id = randomUUID();
      const secret = newWebhookSecret();
      const now = clock.now();
      const webhook: Webhook = {
        id,
        url: input.url,
        events: canonical(input.events),
        description: input.description ?? null,
        // Bound to this row: a ciphertext copied onto another webhook does not decrypt.
        secretEncrypted: cipher.encrypt(secret, webhookSecretContext(id)),
        createdAt: now,
        updatedAt: now,
      };
      await store.webhooks.insert(webhook);
      const view = toWebhookView(webhook);
      return { id, secret, url: view.url, events: view.events, description: view.description, createdAt: view.createdAt };
    },

    async list(): Promise<WebhookView[]> {
      return (await store.webhooks.list()).map(toWebhookView);
    },

    async get(id: string): Promise<WebhookView> {
      return toWebhookView(await requireWebhook(store, id));
    },

    async update(id: string, input: UpdateWebhookInput): Promise<WebhookView> {
      await requireWebhook(store, id);
      const patch: WebhookPatch = {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.events !== undefined ? { events: canonical(input.events) } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      };
      const updated = await store.webhooks.update(id, patch, clock.now());
      if (!updated) throw notFound(id);
      return toWebhookView(updated);
    },

    async delete(id: string): Promise<void> {
      if (!uuidPattern.test(id) || !(await store.webhooks.delete(id))) throw notFound(id);
    },

    /** Newest first, keyset-paginated on (startedAt, id) like the audit events. */
    async deliveries(id: string, input: ListDeliveriesInput): Promise<WebhookDeliveryPage> {
      const before = input.cursor === undefined ? undefined : decodeEventCursor(input.cursor);
      await requireWebhook(store, id);
      const limit = Math.min(Math.max(input.limit ?? defaultDeliveryPageSize, 1), maxDeliveryPageSize);
      const rows = await store.webhookDeliveries.list({ webhookId: id, before, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toWebhookDeliveryView),
        nextCursor: rows.length > limit && last ? encodeEventCursor({ at: last.startedAt, id: last.id }) : null,
      };
    },

    /** Queue a `webhook.test` message through the same job, signature, guard and retries as real events. */
    async test(id: string): Promise<WebhookTestQueued> {
      const webhook = await requireWebhook(store, id);
      const now = clock.now();
      const message: WebhookMessage = {
        id: `${uuidV7(now)}.${webhookTestEventType}`,
        type: webhookTestEventType,
        timestamp: now.toISOString(),
        data: { webhook: webhook.id },
      };
      await store.jobs.enqueue(webhookDeliveryJob(webhook.id, message, now));
      options.onQueued?.();
      return { eventId: message.id };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
