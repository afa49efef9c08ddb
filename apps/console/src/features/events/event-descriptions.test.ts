import type { AuditEventView } from '@switchboard/contracts';
import { auditEventTypeSchema } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { describeActor, eventTypeLabels, summarizeEvent } from './event-descriptions.js';

const event = (type: AuditEventView['type'], data: AuditEventView['data']): AuditEventView => ({
  id: 'e1',
  type,
  at: '2025-01-01T00:00:00.000Z',
  connector: 'acme',
  actor: { kind: 'admin' },
  data,
});

describe('event descriptions', () => {
  it('labels every audit event type of the contract', () => {
    for (const type of auditEventTypeSchema.options) expect(eventTypeLabels[type]).toMatch(/\w/);
  });

  it('names actors by kind and id', () => {
    expect(describeActor({ kind: 'admin' })).toBe('Admin key');
    expect(describeActor({ kind: 'org_key', keyId: 'k1' })).toBe('Org key k1');
    expect(describeActor({ kind: 'session', keyId: 'k1', sessionId: 's1' })).toBe('SDK session s1');
    expect(describeActor({ kind: 'function', solution: 'crm', function: 'sync' })).toBe('Function crm.sync');
    expect(describeActor({ kind: 'system' })).toBe('System');
  });

  it('summarizes the outcome from the data', () => {
    expect(summarizeEvent(event('api.invoked', { api: 'createcontact', upstreamStatus: 201, durationMs: 42 }))).toBe('createcontact · HTTP 201 · 42 ms');
    expect(summarizeEvent(event('api.invoked', { api: 'list', error: 'upstream_timeout', durationMs: 30000 }))).toBe('list · upstream_timeout · 30000 ms');
    expect(summarizeEvent(event('installation.upgraded', { solution: 'crm', fromRelease: '1.0.0', toRelease: '1.1.0' }))).toBe('crm 1.0.0 → 1.1.0');
    expect(summarizeEvent(event('connection.revoked', { providerRevocation: 'not_configured' }))).toBe('Revocation at the provider: not configured');
    expect(summarizeEvent(event('authorization.failed', { error: 'access_denied' }))).toBe('access_denied');
    expect(summarizeEvent(event('authorization.started', {}))).toBeNull();
    expect(summarizeEvent(event('console.signed_in', { consoleSessionId: '0123456789abcdef', keyId: 'k1' }))).toBe('Console session 0123456789abcdef');
    expect(summarizeEvent(event('console.signed_out', {}))).toBeNull();
  });
});
