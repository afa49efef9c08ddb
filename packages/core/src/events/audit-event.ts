import type { Actor } from '../access/actor.js';
import type { JsonValue } from '../json-value.js';

/** Every audit event type; stable API (clients filter on it). */
export const auditEventTypes = [
  'authorization.started',
  'authorization.succeeded',
  'authorization.failed',
  'token.refreshed',
  'token.refresh_failed',
  'connection.revoked',
  /** An upgrade changed scopes or endpoints: the org must authorize again. */
  'connection.reauthorization_required',
  'api.invoked',
  'key.created',
  'key.revoked',
  'session.created',
  'installation.installed',
  'installation.upgraded',
  'installation.uninstalled',
] as const;
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
