import type { AuditEventView, EventPage } from '@switchboard/contracts';
import { manualClock } from '@switchboard/core';
import { completeConsentHeadlessly } from '@switchboard/demo';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestEnvironment } from './testing/test-environment.js';

/**
 * Audit events against the real demo, on both databases: each connection flow records exactly
 * its event with the caller, the connector and ids/statuses only; the events route pages through
 * them newest first; retention deletes what is older than SWITCHBOARD_EVENT_RETENTION_DAYS.
 * Time moves only on Switchboard's fake clock (the demo keeps real time).
 */

/** Past the demo's 300 s access-token lifetime (and Switchboard's 60 s skew). */
const PAST_EXPIRY_SECONDS = 301;
const DAY_SECONDS = 24 * 60 * 60;
const admin = { kind: 'admin' };
const system = { kind: 'system' };

describe.each(testDatabases())('audit events on $name', (database) => {
  const clock = manualClock();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ database, clock });
    await env.createAcmeConnector();
  });

  afterAll(async () => {
    await env?.close();
  });

  /** One page of the events route (asserted 200), after the buffered invoke events were written. */
  const page = async (org: string, query = ''): Promise<EventPage> => {
    await env.server.flushEvents();
    const response = await env.request<EventPage>('GET', `/v1/orgs/${org}/events${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  /** Every event of the org, walking the cursor; `installation.*` (the harness installs connectors in each org) left out. */
  const connectionEvents = async (org: string, query: Record<string, string> = {}): Promise<AuditEventView[]> =>
    (await allEvents(org, query)).filter((e) => !e.type.startsWith('installation.'));

  /** Every event of the org, walking the cursor. */
  const allEvents = async (org: string, query: Record<string, string> = {}, limit = 200): Promise<AuditEventView[]> => {
    const items: AuditEventView[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const next: EventPage = await page(org, `?${params}`);
      items.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor !== null);
    return items;
  };

  const ofType = (events: AuditEventView[], type: string) => events.filter((e) => e.type === type);
  const invoke = (org: string, api = 'acme.listcontacts', data: unknown = {}) => env.request<{ status: number }>('POST', `/v1/orgs/${org}/invoke/${api}`, data);

  it('authorizing records authorization.started (by the caller) and authorization.succeeded', async () => {
    const org = await env.authorizedOrg();
    const events = await connectionEvents(org);
    expect(events.map((e) => e.type).sort()).toEqual(['authorization.started', 'authorization.succeeded']);
    const [started] = ofType(events, 'authorization.started');
    expect(started).toMatchObject({ connector: 'acme', actor: admin, data: {} });
    const [succeeded] = ofType(events, 'authorization.succeeded');
    const stored = await env.storedConnection(org);
    // The callback carries no credential: its event names who started the flow.
    expect(succeeded).toMatchObject({ connector: 'acme', actor: admin, data: { connectionId: stored!.id } });
    for (const event of events) {
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.at).toBe(clock.now().toISOString());
    }
  });

  it('a refused consent records authorization.failed with the error code only', async () => {
    const org = await env.newOrg();
    const response = await env.authorize(org, 'acme', { decision: 'deny' });
    expect(response.status).toBe(400);
    const events = await connectionEvents(org);
    expect(events.map((e) => e.type).sort()).toEqual(['authorization.failed', 'authorization.started']);
    expect(ofType(events, 'authorization.failed')[0]).toMatchObject({ connector: 'acme', actor: admin, data: { error: 'authorization_denied' } });
  });

  it('the callback events name the org key that started the flow, succeeded or failed', async () => {
    const org = await env.newOrg();
    const { key, id } = await env.orgKey(org);
    const asKey = { headers: { authorization: `Bearer ${key}` } };
    for (const decision of ['allow', 'deny'] as const) {
      const started = await env.request<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/acme/authorize`, {}, asKey);
      expect(started.status, started.text).toBe(200);
      const callback = await completeConsentHeadlessly(started.body.authorizationUrl, { username: 'alice', password: 'wonderland', decision });
      const response = await fetch(callback, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect(response.status).toBe(decision === 'allow' ? 200 : 400);
    }
    const keyActor = { kind: 'org_key', keyId: id };
    const events = (await allEvents(org)).filter((e) => e.type.startsWith('authorization.'));
    expect(events.map((e) => e.type).sort()).toEqual(['authorization.failed', 'authorization.started', 'authorization.started', 'authorization.succeeded']);
    for (const event of events) expect(event.actor).toEqual(keyActor);
  });

  it('a callback after the pending authorization expired records authorization.failed (invalid_state)', async () => {
    const org = await env.newOrg();
    const { callback } = await env.consent(org);
    clock.advance(601); // past the 600 s lifetime of a pending authorization
    const response = await fetch(callback, { redirect: 'manual', headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    const failed = ofType(await connectionEvents(org), 'authorization.failed');
    expect(failed).toEqual([expect.objectContaining({ connector: 'acme', actor: admin, data: { error: 'invalid_state' } })]);
  });

  it('a callback with an unknown state records nothing (it belongs to no org)', async () => {
    const org = await env.newOrg();
    const before = await allEvents(org);
    const response = await fetch(`${env.server.url}/v1/oauth/callback?state=unknown&code=x`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(await allEvents(org)).toEqual(before);
  });

  it('revoking records connection.revoked with the caller and the provider outcome', async () => {
    const org = await env.authorizedOrg();
    const revoked = await env.request('DELETE', `/v1/orgs/${org}/connections/acme`);
    expect(revoked.status).toBe(200);
    const events = ofType(await allEvents(org), 'connection.revoked');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ connector: 'acme', actor: admin, data: { providerRevocation: 'succeeded' } });
  });

  it('each invoke records api.invoked with the API, upstream status and duration; a failure with its code', async () => {
    const org = await env.authorizedOrg();
    expect((await invoke(org)).body.status).toBe(200);
    expect((await invoke(org, 'acme.createcontact', { Last_Name: 'Only' })).status).toBe(400); // First_Name missing
    expect((await invoke(org, 'acme.nosuchapi')).status).toBe(404);

    const invoked = ofType(await allEvents(org), 'api.invoked');
    expect(invoked).toHaveLength(2);
    const ok = invoked.find((e) => e.data['api'] === 'listcontacts');
    expect(ok).toMatchObject({ connector: 'acme', actor: admin, data: { api: 'listcontacts', upstreamStatus: 200 } });
    expect(ok!.data['durationMs']).toEqual(expect.any(Number));
    expect(ok!.data['durationMs'] as number).toBeGreaterThanOrEqual(0);
    const failed = invoked.find((e) => e.data['api'] === 'createcontact');
    expect(failed).toMatchObject({ connector: 'acme', actor: admin, data: { api: 'createcontact', error: 'missing_variables' } });
    expect(failed!.data).not.toHaveProperty('upstreamStatus');
  });

  it('a refresh records token.refreshed; a refused refresh token records token.refresh_failed (both by the system)', async () => {
    const org = await env.authorizedOrg();
    clock.advance(PAST_EXPIRY_SECONDS);
    expect((await invoke(org)).body.status).toBe(200);
    const refreshed = ofType(await allEvents(org), 'token.refreshed');
    expect(refreshed).toHaveLength(1);
    const { row } = await env.storedTokens(org);
    expect(refreshed[0]).toMatchObject({ connector: 'acme', actor: system, data: { connectionId: row.id } });

    // Revoke the grant behind Switchboard's back: the next refresh gets invalid_grant.
    const { refreshToken } = await env.storedTokens(org);
    const revoked = await fetch(env.demo.revocationUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: refreshToken!, token_type_hint: 'refresh_token' }),
    });
    expect(revoked.status).toBe(200);
    clock.advance(PAST_EXPIRY_SECONDS);
    expect((await invoke(org)).status).toBe(409);

    const events = await allEvents(org);
    const failed = ofType(events, 'token.refresh_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ connector: 'acme', actor: system, data: { connectionId: row.id, error: 'invalid_grant', status: 'needs_reauthorization' } });
    expect(ofType(events, 'api.invoked').map((e) => e.data['error'] ?? e.data['upstreamStatus']).sort()).toEqual([200, 'needs_reauthorization']);
  });

  it('pages newest first through every event with no duplicate or gap, ties on time included', async () => {
    const org = await env.newOrg();
    const baseline = await allEvents(org);
    const created: number[] = baseline.map((e) => Date.parse(e.at));
    // 23 events, several sharing one timestamp (the clock stands still between some of them).
    for (let i = 0; i < 23; i += 1) {
      if (i % 4 === 0) clock.advance(1);
      const started = await env.request('POST', `/v1/orgs/${org}/connections/acme/authorize`, {});
      expect(started.status).toBe(200);
      created.push(clock.now().getTime());
    }
    const everything = await allEvents(org);
    const total = baseline.length + 23;
    expect(everything).toHaveLength(total);

    const walked = await allEvents(org, {}, 5);
    expect(walked.map((e) => e.id)).toEqual(everything.map((e) => e.id));
    expect(new Set(walked.map((e) => e.id)).size).toBe(total);
    for (let i = 1; i < walked.length; i += 1) {
      const [previous, current] = [walked[i - 1]!, walked[i]!];
      const order = Date.parse(previous.at) - Date.parse(current.at) || previous.id.localeCompare(current.id);
      expect(order).toBeGreaterThan(0);
    }
    expect(walked.map((e) => Date.parse(e.at)).sort()).toEqual(created.sort());

    // Default page size 50; the last page says so with a null cursor.
    const first = await page(org);
    expect(first.items).toHaveLength(total);
    expect(first.nextCursor).toBeNull();
    const exact = await page(org, `?limit=${total}`);
    expect(exact.nextCursor).toBeNull();
    const short = await page(org, `?limit=${total - 1}`);
    expect(short.nextCursor).not.toBeNull();
  });

  it('filters by type and by connector', async () => {
    const other = await env.newConnector();
    const org = await env.newOrg({ connectors: ['acme', other] });
    expect((await env.authorize(org)).status).toBe(200);
    expect((await env.request('POST', `/v1/orgs/${org}/connections/${other}/authorize`, {})).status).toBe(200);
    expect((await invoke(org)).body.status).toBe(200);

    const started = await allEvents(org, { type: 'authorization.started' });
    expect(started.map((e) => e.connector).sort()).toEqual(['acme', other].sort());
    expect(started.every((e) => e.type === 'authorization.started')).toBe(true);
    const ofOther = await connectionEvents(org, { connector: other });
    expect(ofOther.map((e) => e.type)).toEqual(['authorization.started']);
    const both = await allEvents(org, { connector: 'acme', type: 'api.invoked' });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ connector: 'acme', type: 'api.invoked' });
  });

  it('refuses a bad cursor, type or limit with 400 validation_failed, and an unknown org with 404', async () => {
    const org = await env.newOrg();
    for (const query of ['?cursor=not-a-cursor', `?cursor=${Buffer.from('[1]').toString('base64url')}`, '?type=nope', '?limit=0', '?limit=201', '?limit=abc', '?connector=Bad!', '?extra=1']) {
      const response = await env.request<{ code: string }>('GET', `/v1/orgs/${org}/events${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    expect((await env.request('GET', `/v1/orgs/${org}/events?limit=200`)).status).toBe(200);
    const missing = await env.request<{ code: string }>('GET', '/v1/orgs/no-such-org/events');
    expect(missing.status).toBe(404);
    expect((await env.request('GET', '/v1/orgs/no-such-org/events', undefined, { headers: { authorization: 'Bearer wrong-key-0123456789abcdef' } })).status).toBe(401);
  });

  it('no secret appears in any event: tokens, client secret, admin key, request bodies', async () => {
    const org = await env.authorizedOrg();
    const canaryBody = 'canary-body-value-8c1e';
    expect((await invoke(org, 'acme.createcontact', { First_Name: canaryBody, Last_Name: 'Little', Email_ID: 'canary@example.com', Phone_Number: '555-0100' })).body.status).toBe(201);
    const { accessToken, refreshToken } = await env.storedTokens(org);
    clock.advance(PAST_EXPIRY_SECONDS);
    expect((await invoke(org)).body.status).toBe(200);
    const rotated = await env.storedTokens(org);
    expect((await env.request('DELETE', `/v1/orgs/${org}/connections/acme`)).status).toBe(200);

    await env.server.flushEvents();
    const raw = (await env.request('GET', `/v1/orgs/${org}/events?limit=200`)).text;
    expect(JSON.parse(raw).items.length).toBeGreaterThanOrEqual(6);
    for (const secret of [accessToken, refreshToken, rotated.accessToken, rotated.refreshToken, DEMO_CLIENT_SECRET, env.server.adminKey, canaryBody]) {
      expect(secret).toBeTruthy();
      expect(raw.includes(secret!)).toBe(false);
    }
    env.expectNoSecretShown();
  });

  it('records the org key that called, and an org reads only its own events', async () => {
    const org = await env.authorizedOrg();
    const other = await env.newOrg();
    const { key, id } = await env.orgKey(org);
    const asKey = { headers: { authorization: `Bearer ${key}` } };
    const invoked = await env.request<{ status: number }>('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {}, asKey);
    expect(invoked.body.status).toBe(200);
    expect((await env.request('POST', `/v1/orgs/${org}/connections/acme/authorize`, {}, asKey)).status).toBe(200);
    await env.server.flushEvents();

    const own = await env.request<EventPage>('GET', `/v1/orgs/${org}/events?type=api.invoked`, undefined, asKey);
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({ type: 'api.invoked', actor: { kind: 'org_key', keyId: id } });
    const started = ofType(await allEvents(org, { type: 'authorization.started' }), 'authorization.started');
    expect(started.map((e) => e.actor)).toEqual(expect.arrayContaining([{ kind: 'org_key', keyId: id }, admin]));
    // An SDK session records its key and session ids, never its token.
    const { token } = await env.session(org, { key, allowedOrigins: ['https://app.example.com'] });
    const viaSession = await env.request<{ status: number }>('POST', `/v1/orgs/${org}/invoke/acme.listcontacts`, {}, {
      headers: { authorization: `Bearer ${token}`, origin: 'https://app.example.com' },
    });
    expect(viaSession.body.status).toBe(200);
    const bySession = (await allEvents(org, { type: 'api.invoked' })).filter((e) => e.actor.kind === 'session');
    expect(bySession).toHaveLength(1);
    expect(bySession[0]!.actor).toEqual({ kind: 'session', keyId: id, sessionId: expect.any(String) });
    const everything = JSON.stringify(await allEvents(org));
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(token);

    // Another org's events are not readable with this key, existing or not.
    const foreign = await env.request('GET', `/v1/orgs/${other}/events`, undefined, asKey);
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.text).not.toContain('"items"');
    const missing = await env.request('GET', '/v1/orgs/no-such-org/events', undefined, asKey);
    expect(missing.status).toBe(foreign.status);
  });

  // Last: it moves the shared clock by a month.
  it('retention deletes events older than 30 days and keeps newer ones', async () => {
    const org = await env.newOrg();
    const start = async () => expect((await env.request('POST', `/v1/orgs/${org}/connections/acme/authorize`, {})).status).toBe(200);
    await start();
    const [old] = await allEvents(org);
    clock.advance(2 * DAY_SECONDS);
    await start();
    clock.advance(29 * DAY_SECONDS); // the first event is 31 days old, the second 29
    await start();

    expect(await env.server.enforceEventRetention()).toBeGreaterThanOrEqual(1);
    const kept = await allEvents(org);
    expect(kept).toHaveLength(2);
    expect(kept.map((e) => e.id)).not.toContain(old!.id);
    // Idempotent: another pass (another instance) finds nothing more of this org.
    await env.server.enforceEventRetention();
    expect(await allEvents(org)).toHaveLength(2);
  });
});
