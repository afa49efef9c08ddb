import { auditEventTypeSchema } from '@switchboard/contracts';
import type { Actor } from '../access/actor.js';
import type { JsonValue } from '../json-value.js';

/** Every audit event type (defined with the HTTP contract, which filters on it). */
export const auditEventTypes = auditEventTypeSchema.options;
export type AuditEventType = (typeof auditEventTypes)[number];

/**
 * One audit record of an org. `data` holds ids, names, statuses and durations only: never a
 * request or response body, a token, a key or a secret.
 */
export interface AuditEvent {
  readonly id: string;
  readonly orgId: string;
  readonly type: AuditEventType;
  /** Connector API name when the event concerns one. */
  readonly connector: string | null;
  readonly actor: Actor;
  readonly data: Readonly<Record<string, JsonValue>>;
  readonly at: Date;
}
