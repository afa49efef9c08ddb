import { randomUUID } from 'node:crypto';
import { type AuditEvent, type Store, type Webhook, type WebhookDelivery } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

const t0 = new Date('2025-06-01T08:00:00.123Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

describe.each(testDatabases())('webhook storage on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  const aWebhook = (overrides: Partial<Webhook> = {}): Webhook => ({
    id: randomUUID(),
    url: 'https://hooks.example/in',
    events: ['connection.authorized'],
    description: null,
    secretEncrypted: 'sb1.kid.iv.body',
    createdAt: t0,
    updatedAt: t0,
    ...overrides,
  });
  const aDelivery = (webhookId: string, startedAt: Date, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
    id: randomUUID(),
    webhookId,
    eventId: 'e1.connection.authorized',
    eventType: 'connection.authorized',
    attempt: 1,
    status: 'failed',
    responseStatus: 500,
    durationMs: 12,
    error: 'receiver answered 500',
    startedAt,
    finishedAt: startedAt,
    ...overrides,
  });
  const anEvent = (type: AuditEvent['type'], when: Date, orgId = 'dev'): AuditEvent => ({
    id: randomUUID(),
    orgId,
    type,
    connector: 'acme',
    actor: { kind: 'system' },
    data: { connectionId: 'c1' },
    at: when,
  });

  it('stores, lists, updates and deletes webhooks, with their deliveries', async () => {
    const webhook = aWebhook({ events: ['connection.revoked', 'installation.changed'], description: 'mine' });
    await store.webhooks.insert(webhook);
    expect(await store.webhooks.get(webhook.id)).toEqual(webhook);
    expect((await store.webhooks.list()).map((w) => w.id)).toContain(webhook.id);
    await expect(store.webhooks.insert(webhook)).rejects.toMatchObject({ code: 'conflict' });

    const updated = await store.webhooks.update(webhook.id, { events: ['function.failed'], description: null }, at(5));
    expect(updated).toEqual({ ...webhook, events: ['function.failed'], description: null, updatedAt: at(5) });
    expect(await store.webhooks.update(randomUUID(), { url: 'https://x.example/' }, at(5))).toBeUndefined();

    // Newest first, keyset-paginated.
    const deliveries = [aDelivery(webhook.id, at(1)), aDelivery(webhook.id, at(2), { attempt: 2 }), aDelivery(webhook.id, at(3), { attempt: 3, status: 'succeeded', responseStatus: 204, error: null })];
    for (const d of deliveries) expect(await store.webhookDeliveries.insert(d)).toBe(true);
    expect(await store.webhookDeliveries.list({ webhookId: webhook.id, limit: 10 })).toEqual([...deliveries].reverse());
    const [newest] = await store.webhookDeliveries.list({ webhookId: webhook.id, limit: 1 });
    expect(await store.webhookDeliveries.list({ webhookId: webhook.id, before: { at: newest!.startedAt, id: newest!.id }, limit: 10 })).toEqual([deliveries[1], deliveries[0]]);

    expect(await store.webhooks.delete(webhook.id)).toBe(true);
    expect(await store.webhooks.get(webhook.id)).toBeUndefined();
    expect(await store.webhookDeliveries.list({ webhookId: webhook.id, limit: 10 })).toEqual([]);
    expect(await store.webhooks.delete(webhook.id)).toBe(false);
    // An attempt finishing after the webhook was deleted has no log to go to.
    expect(await store.webhookDeliveries.insert(aDelivery(webhook.id, at(4)))).toBe(false);
  });

  it('reads audit events of the given types oldest first across orgs, and moves its position only forward', async () => {
    const events = [
      anEvent('authorization.succeeded', at(10), 'org-a'),
      anEvent('api.invoked', at(11), 'org-a'),
      anEvent('connection.revoked', at(12), 'org-b'),
      anEvent('installation.installed', at(12), 'org-c'),
    ];
    await store.events.appendMany(events);
    const types = ['authorization.succeeded', 'connection.revoked', 'installation.installed'] as const;
    const read = await store.webhookDispatch.eventsAfter({ after: { at: at(9), id: '' }, types, limit: 10 });
    const expected = [events[0]!, ...[events[2]!, events[3]!].sort((a, b) => (a.id < b.id ? -1 : 1))];
    expect(read.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(read[0]).toEqual(events[0]);
    expect((await store.webhookDispatch.eventsAfter({ after: { at: expected[1]!.at, id: expected[1]!.id }, types, limit: 10 })).map((e) => e.id)).toEqual([expected[2]!.id]);
    expect(await store.webhookDispatch.eventsAfter({ after: undefined, types, limit: 1 })).toHaveLength(1);
    expect(await store.webhookDispatch.eventsAfter({ after: undefined, types: [], limit: 10 })).toEqual([]);

    expect(await store.webhookDispatch.position()).toBeUndefined();
    await store.webhookDispatch.advance({ at: at(12), id: 'b' });
    await store.webhookDispatch.advance({ at: at(12), id: 'a' });
    await store.webhookDispatch.advance({ at: at(11), id: 'z' });
    expect(await store.webhookDispatch.position()).toEqual({ at: at(12), id: 'b' });
    await store.webhookDispatch.advance({ at: at(13), id: 'a' });
    expect(await store.webhookDispatch.position()).toEqual({ at: at(13), id: 'a' });
  });
});
