import { webhookEventTypeSchema, type WebhookEventType } from '@switchboard/contracts';

/** What each webhook event means, for the checkboxes' labels and help texts. */
export const webhookEventDescriptions: Readonly<Record<WebhookEventType, { label: string; help: string }>> = {
  'connection.authorized': { label: 'Connection authorized', help: 'An org finished the consent flow for a connector.' },
  'connection.revoked': { label: 'Connection revoked', help: 'An org revoked a connector (or an uninstall did).' },
  'connection.refresh_failed': { label: 'Token refresh failed', help: 'The provider refused to refresh a token; the org may need to authorize again.' },
  'connection.needs_reauthorization': { label: 'Needs re-authorization', help: 'An upgrade brought new scopes or endpoints the org has not consented to.' },
  'function.failed': { label: 'Function failed', help: 'A solution function threw, timed out or hit a limit.' },
  'installation.changed': { label: 'Installation changed', help: 'A solution was installed, upgraded or uninstalled in an org.' },
};

/** Every event a webhook can subscribe to, in the contract's order. */
export const webhookEventTypes: readonly WebhookEventType[] = webhookEventTypeSchema.options;
