import type { AuditEventView } from '@switchboard/contracts';
import type { AuditEvent } from './audit-event.js';

/** The API form of an event: the org is the URL's, the actor carries ids only. */
export function toEventView(event: AuditEvent): AuditEventView {
  const { actor } = event;
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    connector: event.connector,
    actor:
      actor.kind === 'org_key'
        ? { kind: actor.kind, keyId: actor.keyId }
        : actor.kind === 'session'
          ? { kind: actor.kind, keyId: actor.keyId, sessionId: actor.sessionId }
          : actor.kind === 'function'
            ? { kind: actor.kind, solution: actor.solution, function: actor.function }
            : { kind: actor.kind },
    data: { ...event.data },
  };
}
