// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/api-client.js';
import { ApiProvider } from '../../api/api-context.js';
import { render, settle } from '../../test-support/render.js';
import { EventsView } from './events-view.js';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const event = (id: string, type: string) => ({ id, type, at: '2025-01-01T00:00:00.000Z', connector: 'acme', actor: { kind: 'admin' }, data: {} });

describe('EventsView', () => {
  it('lists events, then appends the next page with the cursor', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      if (url.startsWith('/v1/orgs/dev/connections')) return json({ items: [] });
      if (url.includes('cursor=c1')) return json({ items: [event('e2', 'api.invoked'), event('e3', 'connection.revoked')], nextCursor: null });
      return json({ items: [event('e1', 'authorization.started'), event('e2', 'api.invoked')], nextCursor: 'c1' });
    }) as typeof globalThis.fetch;
    const { container, unmount } = await render(
      <ApiProvider client={createApiClient({ fetch })}>
        <EventsView org="dev" />
      </ApiProvider>,
    );
    await settle();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(2);
    const more = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Load more')!;
    await act(async () => more.click());
    await settle();
    // e2 came on both pages: shown once.
    expect([...container.querySelectorAll('tbody tr')].map((row) => row.querySelector('code')?.textContent)).toEqual(['authorization.started', 'api.invoked', 'connection.revoked']);
    expect(urls).toContain('/v1/orgs/dev/events?cursor=c1');
    expect([...container.querySelectorAll('button')].some((button) => button.textContent === 'Load more')).toBe(false);
    await unmount();
  });
});
