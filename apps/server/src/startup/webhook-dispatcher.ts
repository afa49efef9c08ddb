import type { Logger, WebhookDispatcher } from '@switchboard/core';

export interface WebhookDispatchLoopOptions {
  readonly dispatcher: WebhookDispatcher;
  readonly logger: Logger;
  /** What the log lines call the loop (the connector actions' dispatcher runs on this loop too); default 'webhook'. */
  readonly name?: string;
  /** Between passes; default 1 s (how late a webhook may start after its event, at most). */
  readonly intervalMs?: number;
  /** Called after a pass queued deliveries (wakes the job runner instead of waiting for its poll). */
  readonly onQueued?: () => void;
}

export interface WebhookDispatchLoop {
  /** One pass now (passes never overlap in one instance); returns how many deliveries it queued. */
  dispatch(): Promise<number>;
  /** Stop the timer and wait for a pass in progress (before the store closes). */
  stop(): Promise<void>;
}

/**
 * Runs the webhook dispatcher every `intervalMs`, like the event retention loop: a failed pass
 * is logged and retried at the next one, and the timer never keeps the process alive. Every
 * instance runs it; the shared position and the jobs' idempotency keys make that safe.
 */
export function startWebhookDispatch(options: WebhookDispatchLoopOptions): WebhookDispatchLoop {
  const { dispatcher, logger } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  const name = options.name ?? 'webhook';
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  let failing = false;

  const pass = async (): Promise<number> => {
    if (stopped) return 0;
    try {
      const queued = await dispatcher.pass();
      if (failing) logger.info({}, `${name} dispatch recovered`);
      failing = false;
      if (queued > 0) options.onQueued?.();
      return queued;
    } catch (error) {
      // Once per outage, not every second.
      if (!failing) logger.error({ errorType: error instanceof Error ? error.name : 'unknown' }, `${name} dispatch failed; retrying every pass`);
      failing = true;
      return 0;
    }
  };
  let queuedPasses = 0;
  const dispatch = (): Promise<number> => {
    queuedPasses += 1;
    return (running = running.then(pass).finally(() => (queuedPasses -= 1)));
  };

  const timer = setInterval(() => {
    // A slow database must not pile passes up behind one another.
    if (!stopped && queuedPasses === 0) void dispatch();
  }, intervalMs);
  timer.unref();

  return {
    dispatch,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
