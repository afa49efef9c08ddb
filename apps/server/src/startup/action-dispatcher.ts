import type { ActionDispatcher, Logger } from '@switchboard/core';
import { startWebhookDispatch, type WebhookDispatchLoop } from './webhook-dispatcher.js';

export interface ActionDispatchLoopOptions {
  readonly dispatcher: ActionDispatcher;
  readonly logger: Logger;
  /** Between passes; default 1 s (how late an action may start after its event, at most, plus the job poll). */
  readonly intervalMs?: number;
  /** Called after a pass queued action jobs (wakes the job runner). */
  readonly onQueued?: () => void;
}

/**
 * Runs the connector action dispatcher on the webhook dispatcher's loop: one pass at a time per
 * instance, a failed pass logged once per outage and retried at the next, a timer that never
 * keeps the process alive. Every instance runs it; the shared position and the jobs' idempotency
 * keys make that safe.
 */
export function startActionDispatch(options: ActionDispatchLoopOptions): WebhookDispatchLoop {
  return startWebhookDispatch({ ...options, name: 'connector action' });
}
