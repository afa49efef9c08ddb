import { performance } from 'node:perf_hooks';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { CoreDeps } from '../core-deps.js';
import type { JobContext, JobHandler } from '../jobs/job.js';
import { PermanentJobError } from '../jobs/permanent-job-error.js';
import { uuidV7 } from '../security/uuid-v7.js';
import { isSwitchboardError } from '../switchboard-error.js';
import { webhookSecretContext, type Webhook, type WebhookDelivery } from './webhook.js';
import { readWebhookDeliveryJobPayload } from './webhook-delivery-job.js';

export interface WebhookDeliveryOptions {
  /** Budget of one attempt, from the request until the receiver's status line; default 10 s. */
  readonly timeoutMs?: number;
}

type Outcome = { readonly responseStatus: number | null; readonly error: string | null; readonly blocked: boolean };

/** Why an attempt without a 2xx failed, non-secret (outbound errors name the host, never the URL). */
function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): Outcome {
  if (timedOut) return { responseStatus: null, error: `timeout: no answer within ${timeoutMs} ms`, blocked: false };
  if (isSwitchboardError(error)) return { responseStatus: null, error: `${error.code}: ${error.message}`, blocked: error.code === 'destination_blocked' };
  return { responseStatus: null, error: `delivery_failed: ${error instanceof Error ? error.name : 'unknown error'}`, blocked: false };
}

/**
 * The `webhook.deliver` job handler: signs the stored message per Standard Webhooks (with the
 * maintained `standardwebhooks` package: `webhook-id` is the message id on every attempt,
 * `webhook-timestamp` the attempt's time, `webhook-signature` `v1,<HMAC-SHA256>`), POSTs it
 * through the guarded outbound fetch, and records the attempt. A 2xx is delivered; anything else
 * throws, and the job system retries with backoff until the job's attempts are spent. A
 * destination the SSRF guard refuses fails at once: retrying cannot change the guard's mind.
 */
export function createWebhookDeliveryHandler(deps: Pick<CoreDeps, 'store' | 'cipher' | 'clock' | 'logger' | 'fetch'>, options: WebhookDeliveryOptions = {}): JobHandler {
  const { store, cipher, clock, logger } = deps;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const send = async (webhook: Webhook, messageId: string, body: string, context: JobContext): Promise<Outcome> => {
    const secret = cipher.decrypt(webhook.secretEncrypted, webhookSecretContext(webhook.id));
    const sentAt = clock.now();
    const signature = new StandardWebhook(secret).sign(messageId, sentAt, body);
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const response = await deps.fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Switchboard-Webhooks/1',
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: AbortSignal.any([context.signal, timeout]),
      });
      // The receiver's body is never read or kept: only its status matters.
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { responseStatus: response.status, error: ok ? null : `receiver answered ${response.status}`, blocked: false };
    } catch (error) {
      if (context.signal.aborted && !timeout.aborted) throw error;
      return describeFailure(error, timeout.aborted, timeoutMs);
    }
  };

  return async (job, context) => {
    const payload = readWebhookDeliveryJobPayload(job.payload);
    if (payload === undefined) throw new PermanentJobError('not a webhook delivery payload');
    const webhook = await store.webhooks.get(payload.webhookId);
    if (webhook === undefined) {
      // Deleted since the event: its queued deliveries are dropped.
      logger.info({ webhookId: payload.webhookId, eventId: payload.message.id }, 'webhook delivery dropped: the webhook was deleted');
      return;
    }
    const { message } = payload;
    const body = JSON.stringify({ type: message.type, timestamp: message.timestamp, data: message.data });
    const startedAt = clock.now();
    const started = performance.now();
    const outcome = await send(webhook, message.id, body, context);
    const delivery: WebhookDelivery = {
      id: uuidV7(startedAt),
      webhookId: webhook.id,
      eventId: message.id,
      eventType: message.type,
      attempt: job.attempts,
      status: outcome.error === null ? 'succeeded' : 'failed',
      responseStatus: outcome.responseStatus,
      durationMs: Math.round(performance.now() - started),
      error: outcome.error,
      startedAt,
      finishedAt: clock.now(),
    };
    await store.webhookDeliveries.insert(delivery);
    logger.info(
      { webhookId: webhook.id, eventId: message.id, eventType: message.type, attempt: job.attempts, status: delivery.status, responseStatus: delivery.responseStatus, durationMs: delivery.durationMs },
      'webhook delivery attempted',
    );
    if (outcome.error === null) return;
    if (outcome.blocked) throw new PermanentJobError(outcome.error);
    throw new Error(outcome.error);
  };
}
