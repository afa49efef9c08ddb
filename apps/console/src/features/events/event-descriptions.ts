import type { AuditEventView } from '@switchboard/contracts';

/** Plain words for each audit event type (the filter's options and the rows' second line). */
export const eventTypeLabels: Readonly<Record<AuditEventView['type'], string>> = {
  'authorization.started': 'Authorization started',
  'authorization.succeeded': 'Authorization succeeded',
  'authorization.failed': 'Authorization failed',
  'token.refreshed': 'Token refreshed',
  'token.refresh_failed': 'Token refresh failed',
  'connection.revoked': 'Connection revoked',
  'connection.reauthorization_required': 'Re-authorization required',
  'api.invoked': 'API invoked',
  'key.created': 'Org key created',
  'key.revoked': 'Org key revoked',
  'session.created': 'SDK session created',
  'installation.installed': 'Solution installed',
  'installation.upgraded': 'Solution upgraded',
  'installation.uninstalled': 'Solution uninstalled',
  'function.failed': 'Function failed',
  'console.signed_in': 'Signed in to the console',
  'console.signed_out': 'Signed out of the console',
};

/** Who acted, in words: ids only (never a key or token, which the API never returns anyway). */
export function describeActor(actor: AuditEventView['actor']): string {
  switch (actor.kind) {
    case 'admin':
      return 'Admin key';
    case 'org_key':
      return actor.keyId ? `Org key ${actor.keyId}` : 'Org key';
    case 'session':
      return actor.sessionId ? `SDK session ${actor.sessionId}` : 'SDK session';
    case 'function':
      return actor.solution && actor.function ? `Function ${actor.solution}.${actor.function}` : 'Function';
    case 'system':
      return 'System';
  }
}

/**
 * A one-line outcome from an event's `data`, for the row (the full data is in its details): the
 * error code of a failure, the upstream status of an API call, the release of an installation.
 */
export function summarizeEvent(event: AuditEventView): string | null {
  const data = event.data;
  const text = (key: string) => (typeof data[key] === 'string' || typeof data[key] === 'number' ? String(data[key]) : undefined);
  switch (event.type) {
    case 'api.invoked': {
      const api = text('api');
      const outcome = text('error') ?? (text('upstreamStatus') ? `HTTP ${text('upstreamStatus')}` : undefined);
      const duration = text('durationMs');
      return [api, outcome, duration ? `${duration} ms` : undefined].filter(Boolean).join(' · ') || null;
    }
    case 'installation.upgraded':
      return text('fromRelease') && text('toRelease') ? `${text('solution') ?? ''} ${text('fromRelease')} → ${text('toRelease')}`.trim() : null;
    case 'installation.installed':
    case 'installation.uninstalled':
      return [text('solution'), text('release')].filter(Boolean).join(' ') || null;
    case 'connection.revoked':
      return text('providerRevocation') ? `Revocation at the provider: ${text('providerRevocation')!.replace(/_/g, ' ')}` : null;
    case 'connection.reauthorization_required':
      return text('reason')?.replace(/_/g, ' ') ?? null;
    case 'console.signed_in':
    case 'console.signed_out':
      return text('consoleSessionId') ? `Console session ${text('consoleSessionId')}` : null;
    case 'function.failed':
      return [text('solution') && text('function') ? `${text('solution')}.${text('function')}` : undefined, text('error')].filter(Boolean).join(' · ') || null;
    default:
      return text('error') ?? null;
  }
}
