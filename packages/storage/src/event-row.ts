import type { Actor, AuditEvent, AuditEventType, JsonValue } from '@switchboard/core';
import type { Insertable, Selectable } from 'kysely';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from './column-codec.js';
import type { EventsTable } from './schema.js';

export function eventToRow(event: AuditEvent): Insertable<EventsTable> {
  return {
    id: event.id,
    org_id: event.orgId,
    type: event.type,
    connector: event.connector,
    actor: toDbJson(event.actor),
    data: toDbJson(event.data),
    at: toDbDate(event.at),
  };
}

export function eventFromRow(row: Selectable<EventsTable>): AuditEvent {
  return {
    id: row.id,
    orgId: row.org_id,
    // Only this package writes the column, always from an `AuditEventType`.
    type: row.type as AuditEventType,
    connector: row.connector,
    actor: fromDbJson<Actor>(row.actor),
    data: fromDbJson<Record<string, JsonValue>>(row.data),
    at: fromDbDate(row.at),
  };
}
