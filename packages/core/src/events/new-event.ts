import { randomUUID } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import type { JsonValue } from '../json-value.js';
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

/** An audit event with a fresh id, stamped by the injected clock (so tests can move time). */
export function newEvent(deps: Pick<CoreDeps, 'clock'>, input: NewEventInput): AuditEvent {
  return {
    id: randomUUID(),
    orgId: input.orgId,
    type: input.type,
    connector: input.connector,
    actor: input.actor,
    data: input.data ?? {},
    at: input.at ?? deps.clock.now(),
  };
}
