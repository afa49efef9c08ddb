import type { Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import type { JsonValue } from '../json-value.js';
import { uuidV7 } from '../security/uuid-v7.js';
import type { AuditEvent, AuditEventType } from './audit-event.js';

export interface NewEventInput {
  readonly orgId: string;
  readonly type: AuditEventType;
  /** Connector API name, or null when the event concerns none. */
  readonly connector: string | null;
  readonly actor: Actor;
  /** Ids, names, statuses and durations only: never a body, token, key or secret. */
  readonly data?: Readonly<Record<string, JsonValue>>;
  /** Defaults to `deps.clock.now()`. */
  readonly at?: Date;
}

/**
 * An audit event stamped by the injected clock (so tests can move time), with a time-ordered id
 * (UUIDv7) so the events table's primary key grows at one end.
 */
export function newEvent(deps: Pick<CoreDeps, 'clock'>, input: NewEventInput): AuditEvent {
  const at = input.at ?? deps.clock.now();
  return {
    id: uuidV7(at),
    orgId: input.orgId,
    type: input.type,
    connector: input.connector,
    actor: input.actor,
    data: input.data ?? {},
    at,
  };
}
