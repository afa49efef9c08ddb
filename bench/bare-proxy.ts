import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { Agent, fetch } from 'undici';

export interface BareProxy {
  readonly url: string;
  close(): Promise<void>;
}

export interface BareProxyOptions {
  /** The full upstream URL every request is forwarded to, e.g. http://127.0.0.1:PORT/contacts. */
  readonly target: string;
  /** Sent as `Authorization: Bearer <token>`: what Switchboard would send, minus finding it. */
  readonly accessToken: string;
}

/**
 * The baseline Switchboard's invoke is compared with: the same HTTP stack — Hono on
 * @hono/node-server's `createAdaptorServer`, undici 7's `fetch` over one keep-alive `Agent`
 * (as `packages/outbound/src/create-outbound.ts` does) — and the same request/response shape:
 * a JSON POST in, `{status, headers, body}` JSON out. Nothing else: no admin key, no storage, no
 * decryption, no templates, no SSRF guard, no timeouts, no body cap.
 */
export async function startBareProxy(options: BareProxyOptions): Promise<BareProxy> {
  const agent = new Agent();
  const app = new Hono();
  app.post('/proxy', async (c) => {
    // A proxy that takes a JSON body reads and parses it, whatever it then does with it.
    await c.req.json();
    const upstream = await fetch(options.target, { headers: { authorization: `Bearer ${options.accessToken}` }, dispatcher: agent });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body: unknown = await upstream.json();
    return c.json({ status: upstream.status, headers, body });
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await agent.close();
    },
  };
}
