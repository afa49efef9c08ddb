import { defaultEventPageSize, maxEventPageSize, type EventPage } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import { requireOrg } from '../orgs/require-org.js';
import type { AuditEventType } from './audit-event.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import { toEventView } from './event-view.js';

export interface ListEventsInput {
  readonly orgId: string;
  readonly cursor?: string | undefined;
  readonly type?: AuditEventType | undefined;
  readonly connector?: string | undefined;
  readonly limit?: number | undefined;
}

/** Reading an org's audit trail (writing happens in each flow). */
export function createEventService(deps: Pick<CoreDeps, 'store'>) {
  const { store } = deps;
  return {
    /**
     * Newest first, keyset-paginated on (at, id): cheap at any depth, and appends never shift or
     * repeat events across pages. `at` is when the thing happened, not when the row became
     * readable: an `api.invoked` (stamped at the call's start, written by the buffered sink after
     * it ends) can land behind a page already read; the README tells followers what overlap to
     * allow rather than pretend a strict tail exists.
     */
    async list(input: ListEventsInput): Promise<EventPage> {
      const before = input.cursor === undefined ? undefined : decodeEventCursor(input.cursor);
      await requireOrg(store, input.orgId);
      const limit = Math.min(Math.max(input.limit ?? defaultEventPageSize, 1), maxEventPageSize);
      // One more than asked: whether it exists says whether there is a next page.
      const rows = await store.events.list({ orgId: input.orgId, type: input.type, connector: input.connector, before, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toEventView),
        nextCursor: rows.length > limit && last ? encodeEventCursor({ at: last.at, id: last.id }) : null,
      };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
