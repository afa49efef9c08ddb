import type { Clock } from '../ports/clock.js';
import type { DispatchPosition } from '../webhooks/webhook.js';
import type { WebhookDispatchRepository } from '../webhooks/webhook-repository.js';
import type { AuditEvent, AuditEventType } from './audit-event.js';

/** Whether `a` comes after `b` in the audit log's (at, id) order. */
export const positionAfter = (a: DispatchPosition, b: DispatchPosition): boolean => a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id > b.id);

export interface AuditEventFollowerOptions {
  /** The follower's read position in the audit log, shared by every instance. */
  readonly positions: WebhookDispatchRepository;
  /** The event types followed. */
  readonly types: readonly AuditEventType[];
  /**
   * How far behind the stored position each pass reads again. An event's `at` is stamped before
   * its transaction commits, so a commit on another instance (or a slower one here) can make an
   * event readable behind a position already passed. Re-reading this window finds them; the
   * handler must make events handled elsewhere already a no-op (an idempotency key).
   */
  readonly overlapMs: number;
  /** Events read per query. */
  readonly pageSize: number;
  /** Pages per pass at most (a backlog continues at the next pass). */
  readonly maxPages: number;
  /**
   * Where the first pass ever (no stored position) starts: the beginning of the audit log, or an
   * overlap window before now (the log's past is not followed).
   */
  readonly startWhenUnset: 'beginning' | 'now';
  readonly clock: Clock;
}

/**
 * Handles one page's events not yet handled by this instance, oldest first; returns how many
 * jobs it queued. They count as handled once it resolves; `markHandled` marks one sooner, so a
 * handler going event by event keeps what it finished if a later event throws.
 */
export type AuditEventHandler = (fresh: readonly AuditEvent[], markHandled: (event: AuditEvent) => void) => Promise<number>;

export interface AuditEventFollower {
  /** Reads the events since the stored position, hands them page by page to `handle`, and advances the position; returns the sum of `handle`'s counts. */
  pass(handle: AuditEventHandler): Promise<number>;
  /** Forgets which events were handled, so the next pass hands the whole overlap window again. */
  forgetHandled(): void;
}

/**
 * Follows the audit events of some types across passes, for the dispatchers turning them into
 * jobs. The audit events are written in the same transaction as each change, so reading them
 * (rather than hooking each flow) loses nothing that committed.
 */
export function createAuditEventFollower(options: AuditEventFollowerOptions): AuditEventFollower {
  const { positions, types, overlapMs, pageSize, maxPages, startWhenUnset, clock } = options;
  /** Events this instance has already handled, by id → at (ms); pruned past the overlap window. */
  const handled = new Map<string, number>();
  /** Where a pass that stopped at `maxPages` left off: the next one goes on from there, not back. */
  let resume: DispatchPosition | undefined;

  return {
    forgetHandled() {
      handled.clear();
    },

    async pass(handle) {
      const stored = await positions.position();
      const start = stored ?? (startWhenUnset === 'now' ? { at: clock.now(), id: '' } : undefined);
      // `(at, '')` precedes every id at `at`: the window starts at the overlap's first millisecond.
      let after: DispatchPosition | undefined = resume ?? (start === undefined ? undefined : { at: new Date(start.at.getTime() - overlapMs), id: '' });
      resume = undefined;
      let newest = stored;
      let count = 0;
      const markHandled = (event: AuditEvent): void => {
        handled.set(event.id, event.at.getTime());
      };
      for (let page = 0; ; page += 1) {
        const events = await positions.eventsAfter({ after, types, limit: pageSize });
        const fresh = events.filter((event) => !handled.has(event.id));
        count += await handle(fresh, markHandled);
        for (const event of fresh) markHandled(event);
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
        await positions.advance(newest);
        const horizon = newest.at.getTime() - overlapMs;
        for (const [id, at] of handled) if (at < horizon) handled.delete(id);
      }
      return count;
    },
  };
}
