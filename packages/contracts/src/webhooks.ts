import { z } from 'zod';
import { httpUrlSchema, isoDateTimeSchema } from './common.js';

/** The events a webhook can subscribe to; stable API (receivers switch on `type`). */
export const webhookEventTypeSchema = z.enum([
  'connection.authorized',
  'connection.revoked',
  'connection.refresh_failed',
  'connection.needs_reauthorization',
  'function.failed',
  'installation.changed',
]);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** Sent only by `POST /v1/webhooks/{webhook}/test`, whatever the webhook subscribes to. */
export const webhookTestEventType = 'webhook.test';

const eventsSchema = z
  .array(webhookEventTypeSchema)
  .min(1)
  .max(webhookEventTypeSchema.options.length)
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event type');

const descriptionSchema = z.string().trim().max(500);

export const createWebhookSchema = z
  .object({
    /** Where deliveries are POSTed; reachability is the SSRF guard's decision at send time. */
    url: httpUrlSchema,
    events: eventsSchema,
    description: descriptionSchema.optional(),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** Each field optional; `description: null` clears it. */
export const updateWebhookSchema = z
  .object({ url: httpUrlSchema.optional(), events: eventsSchema.optional(), description: descriptionSchema.nullable().optional() })
  .strict();
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

/** A webhook as listed: never its signing secret. */
export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    description: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type WebhookView = z.infer<typeof webhookSchema>;

/** The answer to creating a webhook: the only time `secret` (`whsec_<base64>`) is shown. */
export const webhookCreatedSchema = z
  .object({
    id: z.string(),
    secret: z.string(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    description: z.string().nullable(),
    createdAt: isoDateTimeSchema,
  })
  .strict();
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

export const maxDeliveryPageSize = 200;
export const defaultDeliveryPageSize = 50;

export const listDeliveriesQuerySchema = z
  .object({
    /** `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(400).optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `must be an integer from 1 to ${maxDeliveryPageSize}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(maxDeliveryPageSize))
      .optional(),
  })
  .strict();
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

/** One delivery attempt: one POST of one event to the webhook's URL. */
export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    /** The `webhook-id` header: the same for every attempt of one event. */
    eventId: z.string(),
    eventType: z.string(),
    /** 1 for the first try, then 2, 3… (at most 5). */
    attempt: z.number().int(),
    /** `succeeded`: the receiver answered 2xx. */
    status: z.enum(['succeeded', 'failed']),
    /** The receiver's HTTP status; null when none came (refused, unreachable, timed out). */
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    /** Why the attempt failed (a code and a message naming the host, never the URL); null on success. */
    error: z.string().nullable(),
    startedAt: isoDateTimeSchema,
    finishedAt: isoDateTimeSchema,
  })
  .strict();
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

/** Newest first; `nextCursor` is null on the last page. */
export const webhookDeliveryPageSchema = z.object({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() }).strict();
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPageSchema>;

/** The test event was queued for delivery under this `webhook-id`. */
export const webhookTestQueuedSchema = z.object({ eventId: z.string() }).strict();
export type WebhookTestQueued = z.infer<typeof webhookTestQueuedSchema>;

/**
 * The JSON body of every delivery (Standard Webhooks' `{type, timestamp, data}`): ids and names
 * only, never a token, key or secret.
 */
export const webhookPayloadSchema = z
  .object({
    type: z.union([webhookEventTypeSchema, z.literal(webhookTestEventType)]),
    timestamp: isoDateTimeSchema,
    data: z.record(z.string(), z.json()),
  })
  .strict();
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
