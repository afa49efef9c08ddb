import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../events/audit-event.js';
import { webhookMessagesOf, webhookSourceEventTypes } from './webhook-events.js';

const at = new Date('2025-06-01T08:00:00.123Z');
const event = (type: AuditEvent['type'], data: AuditEvent['data'], connector: string | null = 'acme'): AuditEvent => ({
  id: '0197a0b0-0000-7000-8000-000000000001',
  orgId: 'customer-1',
  type,
  connector,
  actor: { kind: 'system' },
  data,
  at,
});

describe('webhookMessagesOf', () => {
  it('maps an authorization to connection.authorized with a stable id, the org, connector and connection id', () => {
    expect(webhookMessagesOf(event('authorization.succeeded', { connectionId: 'c1' }))).toEqual([
      {
        id: '0197a0b0-0000-7000-8000-000000000001.connection.authorized',
        type: 'connection.authorized',
        timestamp: '2025-06-01T08:00:00.123Z',
        data: { org: 'customer-1', connector: 'acme', connectionId: 'c1' },
      },
    ]);
  });

  it('a refresh failure that needs the user again is also connection.needs_reauthorization', () => {
    const messages = webhookMessagesOf(event('token.refresh_failed', { connectionId: 'c1', error: 'invalid_grant', status: 'needs_reauthorization' }));
    expect(messages.map((m) => [m.type, m.data])).toEqual([
      ['connection.refresh_failed', { org: 'customer-1', connector: 'acme', connectionId: 'c1', error: 'invalid_grant', status: 'needs_reauthorization' }],
      ['connection.needs_reauthorization', { org: 'customer-1', connector: 'acme', connectionId: 'c1', reason: 'invalid_grant' }],
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(2);
    // A transient failure (the provider was down) is only a refresh failure.
    expect(webhookMessagesOf(event('token.refresh_failed', { connectionId: 'c1', error: 'upstream_unavailable', upstreamStatus: 503 })).map((m) => m.type)).toEqual(['connection.refresh_failed']);
  });

  it('maps upgrades that need consent, installation changes and failed functions', () => {
    expect(webhookMessagesOf(event('connection.reauthorization_required', { reason: 'scopes_changed', fromVersion: 1, toVersion: 2, addedScopes: ['x'] }))[0]).toMatchObject({
      type: 'connection.needs_reauthorization',
      data: { org: 'customer-1', connector: 'acme', reason: 'scopes_changed', fromVersion: 1, toVersion: 2, addedScopes: ['x'] },
    });
    expect(webhookMessagesOf(event('installation.upgraded', { solution: 'kit', fromRelease: '1.0.0', toRelease: '1.1.0', connectors: ['acme'], removedConnectors: [], reauthorizationRequired: [] }, null))[0]).toMatchObject({
      type: 'installation.changed',
      data: { org: 'customer-1', change: 'upgraded', solution: 'kit', fromRelease: '1.0.0', toRelease: '1.1.0' },
    });
    const [failed] = webhookMessagesOf(event('function.failed', { solution: 'kit', function: 'sync', executionId: 'x1', trigger: 'authorized', error: 'function_timeout', message: 'user text' }, null));
    // Only named fields leave the platform: not whatever else the event carries.
    expect(failed!.data).toEqual({ org: 'customer-1', solution: 'kit', function: 'sync', executionId: 'x1', trigger: 'authorized', error: 'function_timeout' });
  });

  it('ignores every other event type, and the dispatcher reads exactly the mapped ones', () => {
    for (const type of ['api.invoked', 'authorization.started', 'authorization.failed', 'token.refreshed', 'key.created', 'session.created', 'console.signed_in', 'console.signed_out'] as const) {
      expect(webhookMessagesOf(event(type, {}))).toEqual([]);
      expect(webhookSourceEventTypes).not.toContain(type);
    }
    expect([...webhookSourceEventTypes].sort()).toEqual([
      'authorization.succeeded',
      'connection.reauthorization_required',
      'connection.revoked',
      'function.failed',
      'installation.installed',
      'installation.uninstalled',
      'installation.upgraded',
      'token.refresh_failed',
    ]);
  });
});
