import type { WebhookEventType } from '@switchboard/contracts';
import type { AuditEvent, AuditEventType } from '../events/audit-event.js';
import type { JsonValue } from '../json-value.js';
import type { WebhookMessage } from './webhook.js';

/**
 * The fields of each audit event's `data` a webhook payload carries. An allow-list rather than a
 * copy: audit data is non-secret by contract, but a payload leaves the platform, so each field is
 * named here on purpose (a `function.failed` carries the error code, never the message user code threw).
 */
const carried: Partial<Record<AuditEventType, readonly string[]>> = {
  'authorization.succeeded': ['connectionId'],
  'connection.revoked': ['providerRevocation'],
  'token.refresh_failed': ['connectionId', 'error', 'status', 'upstreamStatus'],
  'connection.reauthorization_required': ['reason', 'fromVersion', 'toVersion', 'addedScopes', 'changed'],
  'installation.installed': ['solution', 'release', 'connectors', 'reauthorizationRequired'],
  'installation.upgraded': ['solution', 'fromRelease', 'toRelease', 'connectors', 'removedConnectors', 'reauthorizationRequired'],
  'installation.uninstalled': ['solution', 'release', 'removedConnectors'],
  'function.failed': ['solution', 'function', 'executionId', 'trigger', 'error'],
};

/** What each audit event type becomes (a refresh failure may also be a needs-reauthorization). */
const primary: Partial<Record<AuditEventType, WebhookEventType>> = {
  'authorization.succeeded': 'connection.authorized',
  'connection.revoked': 'connection.revoked',
  'token.refresh_failed': 'connection.refresh_failed',
  'connection.reauthorization_required': 'connection.needs_reauthorization',
  'installation.installed': 'installation.changed',
  'installation.upgraded': 'installation.changed',
  'installation.uninstalled': 'installation.changed',
  'function.failed': 'function.failed',
};

/** The audit event types the dispatcher reads (its query filters on them). */
export const webhookSourceEventTypes: readonly AuditEventType[] = Object.keys(primary) as AuditEventType[];

function pick(event: AuditEvent, fields: readonly string[]): Record<string, JsonValue> {
  const data: Record<string, JsonValue> = {};
  for (const field of fields) {
    const value = event.data[field];
    if (value !== undefined) data[field] = value;
  }
  return data;
}

/**
 * The webhook messages an audit event produces (none for most types). Each message id is the
 * audit event id plus the webhook type, so it is the same whichever instance or pass maps it, and
 * retries and re-dispatches carry the same `webhook-id`.
 */
export function webhookMessagesOf(event: AuditEvent): WebhookMessage[] {
  const type = primary[event.type];
  if (type === undefined) return [];
  const base: Record<string, JsonValue> = { org: event.orgId, ...(event.connector !== null ? { connector: event.connector } : {}) };
  const message = (messageType: WebhookEventType, data: Record<string, JsonValue>): WebhookMessage => ({
    id: `${event.id}.${messageType}`,
    type: messageType,
    timestamp: event.at.toISOString(),
    data: { ...base, ...data },
  });
  const data = pick(event, carried[event.type] ?? []);
  if (event.type.startsWith('installation.')) data['change'] = event.type.slice('installation.'.length);
  const messages = [message(type, data)];
  // The refresh recorded that the connection now needs the user again (invalid_grant, no refresh
  // token): subscribers to connection.needs_reauthorization hear of it too.
  if (event.type === 'token.refresh_failed' && event.data['status'] === 'needs_reauthorization') {
    messages.push(message('connection.needs_reauthorization', { ...pick(event, ['connectionId']), reason: event.data['error'] ?? null }));
  }
  return messages;
}
