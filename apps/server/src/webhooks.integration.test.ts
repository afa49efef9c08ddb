import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { WebhookCreated, WebhookDeliveryPage, WebhookDeliveryView, WebhookView } from '@switchboard/contracts';
import { createWebhookDispatcher, silentLogger, systemClock } from '@switchboard/core';
import { compileAllowList, isAllowedAddress, parseAllowList } from '@switchboard/outbound';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestEnvironment } from './testing/test-environment.js';

/**
 * Webhooks against the real stack on both databases: a loopback receiver verifies each delivery
 * with the `standardwebhooks` package, deliveries come from real authorizations and revocations
 * against the demo through the durable jobs, failures are retried, the SSRF guard refuses
 * destinations that are not allowed, and the signing secret appears only in the create answer.
 */

const allowPrivateNetwork = '127.0.0.1,localhost';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}

/** An HTTP receiver on 127.0.0.1: records every request; answers each path from its script (then 200). */
async function startReceiver(): Promise<{ url: string; received: (path?: string) => Received[]; script(path: string, statuses: number[]): void; close(): Promise<void> }> {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const status = scripts.get(path)?.shift() ?? 200;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered: status });
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status < 300 ? 'thanks' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: (path) => received.filter((r) => path === undefined || r.path === path),
    script: (path, statuses) => void scripts.set(path, [...statuses]),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Accepts TCP connections on 127.0.0.2 and counts them; never answers. */
async function startTrap(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let count = 0;
  const server: TcpServer = createTcpServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A webhook signature check exactly as a receiver does it. */
function verify(secret: string, received: Received): unknown {
  return new Webhook(secret).verify(received.body, {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  });
}

describe.each(testDatabases())('webhooks on $name', (database) => {
  let opened: OpenedTestDatabase;
  let env: TestEnvironment;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** Every secret a create answer showed: none may appear anywhere else. */
  const secrets: string[] = [];

  beforeAll(async () => {
    opened = await database.open();
    receiver = await startReceiver();
    // Retries without backoff delays (the backoff itself is the job system's, tested there).
    env = await createTestEnvironment({ storage: opened.config, env: { SWITCHBOARD_ALLOW_PRIVATE_NETWORK: allowPrivateNetwork }, jobs: { random: () => 0, pollMs: 50 } });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
    await receiver?.close();
    await opened?.cleanup();
  });

  /** Create a webhook outside `env.request`, so the one answer that shows the secret is not among the responses searched later. */
  const create = async (path: string, events: string[], url = `${receiver.url}${path}`): Promise<WebhookCreated> => {
    const response = await fetch(`${env.server.url}/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.server.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url, events, description: `receiver ${path}` }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as WebhookCreated;
    secrets.push(created.secret);
    return created;
  };

  const deliveries = async (webhookId: string): Promise<WebhookDeliveryView[]> => {
    const response = await env.request<WebhookDeliveryPage>('GET', `/v1/webhooks/${webhookId}/deliveries?limit=200`);
    expect(response.status, response.text).toBe(200);
    return response.body.items;
  };

  /** Dispatch now (rather than at the next second) and wait until `until` holds for the webhook's attempts. */
  const settle = async (webhookId: string, until: (items: WebhookDeliveryView[]) => boolean): Promise<WebhookDeliveryView[]> => {
    let items: WebhookDeliveryView[] = [];
    await vi.waitFor(
      async () => {
        await env.server.dispatchWebhooks();
        items = await deliveries(webhookId);
        if (!until(items)) throw new Error(`not yet: ${items.length} attempts`);
      },
      { timeout: 20_000, interval: 50 },
    );
    return items;
  };

  const messages = (path: string) => receiver.received(path).map((r) => ({ ...r, payload: JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> } }));

  it('creates, lists, reads, changes and deletes webhooks, never showing the secret again', async () => {
    const created = await create('/crud', ['connection.revoked', 'connection.authorized']);
    expect(created).toMatchObject({ url: `${receiver.url}/crud`, events: ['connection.authorized', 'connection.revoked'], description: 'receiver /crud' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    // Standard Webhooks form: whsec_ and the base64 of 32 random bytes.
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await env.request<WebhookView>('GET', `/v1/webhooks/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: created.id, url: created.url, events: created.events, description: 'receiver /crud', createdAt: created.createdAt, updatedAt: created.createdAt });
    const list = await env.request<{ items: WebhookView[] }>('GET', '/v1/webhooks');
    expect(list.body.items.map((w) => w.id)).toContain(created.id);

    const patched = await env.request<WebhookView>('PATCH', `/v1/webhooks/${created.id}`, { events: ['installation.changed'], description: null });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id: created.id, url: created.url, events: ['installation.changed'], description: null });

    expectProblem(await env.request('POST', '/v1/webhooks', { url: 'ftp://example.com/', events: ['connection.revoked'] }), 400, 'validation_failed');
    expectProblem(await env.request('POST', '/v1/webhooks', { url: 'https://example.com/', events: ['token.refreshed'] }), 400, 'validation_failed');
    expectProblem(await env.request('POST', '/v1/webhooks', { url: 'https://example.com/', events: [] }), 400, 'validation_failed');
    expectProblem(await env.request('POST', '/v1/webhooks', { url: 'https://example.com/', events: ['connection.revoked', 'connection.revoked'] }), 400, 'validation_failed');
    expectProblem(await env.request('PATCH', `/v1/webhooks/${created.id}`, { secret: 'mine' }), 400, 'validation_failed');
    expectProblem(await env.request('GET', '/v1/webhooks/not-a-webhook'), 404, 'not_found');
    expectProblem(await env.request('GET', '/v1/webhooks/%00'), 404, 'not_found');
    expectProblem(await env.request('GET', `/v1/webhooks/${created.id}/deliveries?cursor=garbage!`), 400, 'validation_failed');
    const org = await env.newOrg({ connectors: [] });
    const { key } = await env.orgKey(org);
    expectProblem(await env.request('GET', '/v1/webhooks', undefined, { headers: { authorization: `Bearer ${key}` } }), 403, 'forbidden');

    expect((await env.request('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(204);
    expectProblem(await env.request('GET', `/v1/webhooks/${created.id}`), 404, 'not_found');
    expectProblem(await env.request('DELETE', `/v1/webhooks/${created.id}`), 404, 'not_found');
  });

  it('a real authorization, then a revocation, are delivered signed, with ids and never tokens', async () => {
    const hook = await create('/connections', ['connection.authorized', 'connection.revoked']);
    const org = await env.authorizedOrg();
    const stored = await env.storedTokens(org);
    expect((await env.request('DELETE', `/v1/orgs/${org}/connections/acme`)).status).toBe(200);

    const items = await settle(hook.id, (all) => all.filter((d) => d.status === 'succeeded').length >= 2);
    const ours = messages('/connections').filter((m) => m.payload.data['org'] === org);
    // Deliveries run concurrently: no order between messages is promised (receivers order by timestamp).
    expect(ours.map((m) => m.payload.type).sort()).toEqual(['connection.authorized', 'connection.revoked']);
    const authorized = ours.find((m) => m.payload.type === 'connection.authorized');
    const revoked = ours.find((m) => m.payload.type === 'connection.revoked');
    expect(authorized!.payload).toEqual({ type: 'connection.authorized', timestamp: expect.any(String), data: { org, connector: 'acme', connectionId: stored.row.id } });
    expect(revoked!.payload).toEqual({ type: 'connection.revoked', timestamp: expect.any(String), data: { org, connector: 'acme', providerRevocation: 'succeeded' } });
    for (const message of ours) {
      expect(verify(hook.secret, message)).toEqual(message.payload);
      expect(message.headers['content-type']).toBe('application/json');
      expect(String(message.headers['webhook-signature'])).toMatch(/^v1,/);
      // A body changed in transit, or another webhook's secret, fails verification.
      expect(() => verify(hook.secret, { ...message, body: message.body.replace(org, 'someone-else') })).toThrow();
      expect(() => verify(secrets[0]!, message)).toThrow();
      for (const token of [stored.accessToken, stored.refreshToken]) if (token) expect(message.body).not.toContain(token);
    }
    // The audit trail names the same connection: the payload's time is the event's.
    const events = await env.request<{ items: { id: string; type: string; at: string }[] }>('GET', `/v1/orgs/${org}/events?type=authorization.succeeded`);
    const [event] = events.body.items;
    expect(authorized!.headers['webhook-id']).toBe(`${event!.id}.connection.authorized`);
    expect(authorized!.payload.timestamp).toBe(event!.at);

    const mine = items.filter((d) => ours.some((m) => m.headers['webhook-id'] === d.eventId));
    expect(mine).toHaveLength(2);
    for (const delivery of mine) expect(delivery).toMatchObject({ attempt: 1, status: 'succeeded', responseStatus: 200, error: null });
  });

  it('a refresh meeting a dead grant is connection.refresh_failed and connection.needs_reauthorization', async () => {
    const hook = await create('/reauth', ['connection.refresh_failed', 'connection.needs_reauthorization']);
    const org = await env.authorizedOrg();
    const stored = await env.storedTokens(org);
    // Revoking the refresh token at the demo ends the grant: the next invoke's forced refresh gets invalid_grant.
    const revoked = await fetch(env.demo.revocationUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: stored.refreshToken!, token_type_hint: 'refresh_token' }),
    });
    expect(revoked.status).toBe(200);
    expectProblem(await env.request('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {}), 409, 'needs_reauthorization');

    await settle(hook.id, (all) => all.filter((d) => d.status === 'succeeded').length >= 2);
    const ours = messages('/reauth').filter((m) => m.payload.data['org'] === org);
    expect(ours.map((m) => m.payload.type).sort()).toEqual(['connection.needs_reauthorization', 'connection.refresh_failed']);
    expect(ours.find((m) => m.payload.type === 'connection.needs_reauthorization')!.payload.data).toEqual({ org, connector: 'acme', connectionId: stored.row.id, reason: 'invalid_grant' });
    expect(ours.find((m) => m.payload.type === 'connection.refresh_failed')!.payload.data).toMatchObject({ org, connector: 'acme', connectionId: stored.row.id, error: 'invalid_grant' });
    for (const message of ours) {
      expect(verify(hook.secret, message)).toEqual(message.payload);
      for (const token of [stored.accessToken, stored.refreshToken]) expect(message.body).not.toContain(token!);
    }
  });

  it('another instance re-reading the same events queues nothing twice', async () => {
    const hook = await create('/once', ['connection.authorized']);
    const org = await env.authorizedOrg();
    await settle(hook.id, (all) => all.some((d) => d.status === 'succeeded'));
    // A fresh dispatcher (as on a second instance, or this one restarted) reads the overlap window
    // again: every delivery it finds is already queued under its idempotency key.
    const second = createWebhookDispatcher({ store: env.server.store, clock: systemClock, logger: silentLogger });
    expect(await second.pass()).toBe(0);
    await Promise.all([second.pass(), env.server.dispatchWebhooks(), env.server.dispatchWebhooks()]);
    await env.server.jobs.poll();
    expect(messages('/once').filter((m) => m.payload.data['org'] === org)).toHaveLength(1);
    expect(await deliveries(hook.id)).toHaveLength(1);
  });

  it('retries a failing receiver: two failures, then 200, give three attempts and one delivery', async () => {
    receiver.script('/flaky', [500, 503]);
    const hook = await create('/flaky', ['installation.changed']);
    const queued = await env.request<{ eventId: string }>('POST', `/v1/webhooks/${hook.id}/test`);
    expect(queued.status, queued.text).toBe(202);

    const items = await settle(hook.id, (all) => all.some((d) => d.status === 'succeeded'));
    expect(items.map((d) => [d.attempt, d.status, d.responseStatus])).toEqual([
      [3, 'succeeded', 200],
      [2, 'failed', 503],
      [1, 'failed', 500],
    ]);
    for (const delivery of items) {
      expect(delivery.eventId).toBe(queued.body.eventId);
      expect(delivery.eventType).toBe('webhook.test');
      expect(delivery.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(delivery.finishedAt)).toBeGreaterThanOrEqual(Date.parse(delivery.startedAt));
    }
    expect(items[1]!.error).toBe('receiver answered 503');
    const received = receiver.received('/flaky');
    expect(received.map((r) => r.answered)).toEqual([500, 503, 200]);
    // One message: the same webhook-id on every attempt, so the receiver can deduplicate.
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set([queued.body.eventId]));
    for (const r of received) expect(verify(hook.secret, r)).toEqual({ type: 'webhook.test', timestamp: expect.any(String), data: { webhook: hook.id } });
    // Delivered once: no attempt after the success.
    await env.server.jobs.poll();
    expect(await deliveries(hook.id)).toHaveLength(3);
  });

  it('refuses a destination the SSRF guard does not allow, and records the refusal', async () => {
    const trap = await startTrap();
    try {
      const url = `http://127.0.0.2:${trap.port}/hook`;
      // 127.0.0.2 is loopback but not in the allow list: the guard must refuse it before a packet.
      const allowList = compileAllowList(parseAllowList(allowPrivateNetwork));
      if (isAllowedAddress('127.0.0.2', '127.0.0.2', allowList)) throw new Error(`unsafe test: the guard would let ${url} through; not sending`);
      const hook = await create('/refused', ['connection.authorized'], url);
      const queued = await env.request<{ eventId: string }>('POST', `/v1/webhooks/${hook.id}/test`);
      expect(queued.status).toBe(202);
      const [attempt, ...more] = await settle(hook.id, (all) => all.length > 0);
      expect(more).toHaveLength(0);
      expect(attempt).toMatchObject({ eventId: queued.body.eventId, attempt: 1, status: 'failed', responseStatus: null });
      expect(attempt!.error).toMatch(/^destination_blocked: Outbound request to "127\.0\.0\.2" refused/);
      // Retrying cannot change the guard's answer: the job is given up at once.
      await env.server.jobs.poll();
      expect(await deliveries(hook.id)).toHaveLength(1);
      expect(trap.connections()).toBe(0);
    } finally {
      await trap.close();
    }
  });

  it('sends a test event through the same signed delivery path', async () => {
    const hook = await create('/test-event', ['function.failed']);
    const queued = await env.request<{ eventId: string }>('POST', `/v1/webhooks/${hook.id}/test`);
    expect(queued.status).toBe(202);
    expect(queued.body.eventId).toMatch(/\.webhook\.test$/);
    const [delivery] = await settle(hook.id, (all) => all.length > 0);
    expect(delivery).toMatchObject({ eventId: queued.body.eventId, eventType: 'webhook.test', attempt: 1, status: 'succeeded', responseStatus: 200 });
    const [message] = receiver.received('/test-event');
    expect(message!.headers['webhook-id']).toBe(queued.body.eventId);
    expect(Math.abs(Number(message!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(verify(hook.secret, message!)).toMatchObject({ type: 'webhook.test', data: { webhook: hook.id } });
    expectProblem(await env.request('POST', '/v1/webhooks/00000000-0000-4000-8000-000000000000/test'), 404, 'not_found');
  });

  it('installation changes reach subscribers; a webhook hears nothing from before it existed', async () => {
    const hook = await create('/installations', ['installation.changed']);
    const org = await env.newOrg({ connectors: ['acme'] });
    await settle(hook.id, (all) => all.some((d) => d.status === 'succeeded'));
    const ours = messages('/installations').filter((m) => m.payload.data['org'] === org);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.payload).toMatchObject({ type: 'installation.changed', data: { org, change: 'installed', solution: expect.any(String), release: expect.any(String), connectors: expect.any(Array) } });
    // Events from before this webhook (the earlier tests' installations) were not sent to it.
    for (const m of messages('/installations')) expect(Date.parse(m.payload.timestamp)).toBeGreaterThanOrEqual(Date.parse(hook.createdAt));
  });

  it('the signing secret is in no other response, log line or database row', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const canaries = secrets.flatMap((secret) => [secret, secret.slice('whsec_'.length)]);
    const responses = env.responses().join('\n');
    const logs = env.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const canary of canaries) {
      expect(responses.includes(canary), 'a response shows a webhook secret').toBe(false);
      expect(logs.includes(canary), 'the log shows a webhook secret').toBe(false);
    }
    if (opened.config.kind === 'sqlite') {
      const dir = dirname(opened.config.file);
      for (const file of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, file));
        for (const canary of canaries) expect(bytes.indexOf(Buffer.from(canary, 'utf8')), `${file} holds a webhook secret`).toBe(-1);
      }
      return;
    }
    const client = new pg.Client({ connectionString: opened.config.url });
    await client.connect();
    try {
      const schema = opened.config.schema ?? 'public';
      const tables = await client.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1', [schema]);
      expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(['webhooks', 'webhook_deliveries', 'jobs']));
      for (const { table_name: table } of tables.rows) {
        const result = await client.query<{ row: string }>(`select t::text as row from "${schema}"."${table}" t`);
        const dump = result.rows.map((r) => r.row).join('\n');
        for (const canary of canaries) expect(dump.includes(canary), `${table} holds a webhook secret`).toBe(false);
      }
      const stored = await client.query<{ secret_encrypted: string }>(`select secret_encrypted from "${schema}".webhooks`);
      for (const row of stored.rows) expect(row.secret_encrypted).toMatch(/^sb1\./);
    } finally {
      await client.end();
    }
  });
});
