import type { CoreDeps } from '../core-deps.js';
import type { AuditEvent } from '../events/audit-event.js';
import type { DispatchPosition, Webhook } from './webhook.js';
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

const positionAfter = (a: DispatchPosition, b: DispatchPosition): boolean => a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id > b.id);

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
  /** Events this instance has already queued, by id → at (ms); pruned past the overlap window. */
  const handled = new Map<string, number>();
  /** Where a pass that stopped at `maxPages` left off: the next one goes on from there, not back. */
  let resume: DispatchPosition | undefined;
  /** The webhooks (and their events) `handled` was computed for. */
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
      const [webhooks, stored] = await Promise.all([store.webhooks.list(), store.webhookDispatch.position()]);
      // A webhook created or changed since the last pass may have committed just after that pass
      // read the list, while its events were read: forget what was handled so the overlap window
      // is queued again for it (for the others, their idempotency keys make it a no-op).
      const current = webhooks.map((w) => `${w.id}:${w.events.join(',')}`).join(' ');
      if (current !== subscriptions) {
        handled.clear();
        subscriptions = current;
      }
      // `(at, '')` precedes every id at `at`: the window starts at the overlap's first millisecond.
      let after: DispatchPosition | undefined = resume ?? (stored === undefined ? undefined : { at: new Date(stored.at.getTime() - overlapMs), id: '' });
      resume = undefined;
      let newest = stored;
      let queued = 0;
      for (let page = 0; ; page += 1) {
        const events = await store.webhookDispatch.eventsAfter({ after, types: webhookSourceEventTypes, limit: pageSize });
        const fresh = events.filter((event) => !handled.has(event.id));
        if (webhooks.length > 0) queued += await enqueue(fresh, webhooks);
        for (const event of fresh) handled.set(event.id, event.at.getTime());
        const last = events.at(-1);
        if (last !== undefined) {
          after = { at: last.at, id: last.id };
          if (newest === undefined || positionAfter(after, newest)) newest = after;
        }
        if (events.length < pageSize) break;
        if (page + 1 >= maxPages) {
          // A backlog: yield to the next pass, which resumes here instead of re-reading the window.
          resume = after;
          break;
        }
      }
      if (newest !== undefined && (stored === undefined || positionAfter(newest, stored))) {
        await store.webhookDispatch.advance(newest);
        const horizon = newest.at.getTime() - overlapMs;
        for (const [id, at] of handled) if (at < horizon) handled.delete(id);
      }
      if (queued > 0) deps.logger.debug({ queued }, 'webhook deliveries queued');
      return queued;
    },
  };
}
