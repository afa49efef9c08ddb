import type { AuditEvent } from '../events/audit-event.js';

/**
 * Where high-volume audit events that record no state change (an API call) go: the adapter
 * buffers them and writes them in batches, so the invoke path does not wait for a write. Events
 * that record a change are written in the change's own transaction instead.
 */
export interface EventSink {
  record(event: AuditEvent): void;
}

export const discardingEventSink: EventSink = { record() {} };
