import type { CoreDeps } from '../core-deps.js';
import type { AuditEvent } from '../events/audit-event.js';
import { createAuditEventFollower } from '../events/audit-event-follower.js';
import type { Webhook } from './webhook.js';
import { webhookDeliveryJob } from './webhook-delivery-job.js';
import { webhookMessagesOf, webhookSourceEventTypes } from './webhook-events.js';

export interface WebhookDispatchOptions {
  /**
   * How far behind the stored position each pass reads again. An event's `at` is stamped before
   * its transaction commits, so a commit on another instance (or a slower one here) can make an
   * event readable behind a position already passed; a `function.failed` is stamped at the run's
   * start and buffered. Re-reading this window finds them; the idempotency key makes events
   * already queued a no-op. Default 2 minutes.
   */
  readonly overlapMs?: number;
  /** Events read per query; default 500. */
  readonly pageSize?: number;
  /** Pages per pass at most (a backlog continues at the next pass); default 20. */
  readonly maxPagesPerPass?: number;
}

export interface WebhookDispatcher {
  /** Read the audit events since the stored position and queue their deliveries; returns the jobs queued. */
  pass(): Promise<number>;
}

/**
 * Turns audit events into webhook delivery jobs. The audit events are written in the same
 * transaction as each change, so reading them (rather than hooking each flow) loses nothing that
 * committed; the jobs are enqueued with an idempotency key per (webhook, message), so instances
 * running passes at once, and the overlap window, queue each delivery exactly once.
 */
export function createWebhookDispatcher(deps: Pick<CoreDeps, 'store' | 'clock' | 'logger'>, options: WebhookDispatchOptions = {}): WebhookDispatcher {
  const { store, clock } = deps;
  const overlapMs = options.overlapMs ?? 120_000;
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPagesPerPass ?? 20;
  const follower = createAuditEventFollower({ positions: store.webhookDispatch, types: webhookSourceEventTypes, overlapMs, pageSize, maxPages, startWhenUnset: 'beginning', clock });
  /** The webhooks (and their events) the follower's handled events were computed for. */
  let subscriptions = '';

  /** One page's jobs in one transaction: the jobs of an event are queued together or not at all. */
  const enqueue = async (events: readonly AuditEvent[], webhooks: readonly Webhook[]): Promise<number> => {
    const now = clock.now();
    const jobs = events.flatMap((event) =>
      webhookMessagesOf(event).flatMap((message) =>
        webhooks
          // A webhook hears of what happened after it was created, never of the past.
          .filter((webhook) => webhook.events.includes(message.type as Webhook['events'][number]) && event.at.getTime() >= webhook.createdAt.getTime())
          .map((webhook) => webhookDeliveryJob(webhook.id, message, now)),
      ),
    );
    if (jobs.length === 0) return 0;
    return store.transaction(async (tx) => {
      let queued = 0;
      for (const job of jobs) if (await tx.jobs.enqueue(job)) queued += 1;
      return queued;
    });
  };

  return {
    async pass() {
      const webhooks = await store.webhooks.list();
      // A webhook created or changed since the last pass may have committed just after that pass
      // read the list, while its events were read: forget what was handled so the overlap window
      // is queued again for it (for the others, their idempotency keys make it a no-op).
      const current = webhooks.map((w) => `${w.id}:${w.events.join(',')}`).join(' ');
      if (current !== subscriptions) {
        follower.forgetHandled();
        subscriptions = current;
      }
      const queued = await follower.pass(async (fresh) => (webhooks.length > 0 ? enqueue(fresh, webhooks) : 0));
      if (queued > 0) deps.logger.debug({ queued }, 'webhook deliveries queued');
      return queued;
    },
  };
}
