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
     * Newest first, keyset-paginated on (at, id): stable under concurrent appends (new events
     * land before the first page, never shift a later one) and cheap at any depth.
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
