import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream has answered since start or the last reset. */
export interface UpstreamCounters {
  readonly contacts: number;
  readonly unauthorized: number;
}

export interface UpstreamServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  counters(): UpstreamCounters;
  resetCounters(): void;
  close(): Promise<void>;
}

/** The third-party API every scenario ends at: a small, fixed JSON document (about 250 bytes). */
export const UPSTREAM_CONTACTS_BODY = Buffer.from(
  JSON.stringify({
    contacts: [
      { id: 'c1', First_Name: 'Ada', Last_Name: 'Lovelace', Email_ID: 'ada@example.test' },
      { id: 'c2', First_Name: 'Alan', Last_Name: 'Turing', Email_ID: 'alan@example.test' },
      { id: 'c3', First_Name: 'Grace', Last_Name: 'Hopper', Email_ID: 'grace@example.test' },
    ],
  }),
);

/**
 * A plain node:http server answering `GET /contacts` when any Bearer token is present (401
 * otherwise). It does as little as possible so that every scenario measures what sits in front
 * of it, not the upstream.
 */
export async function startUpstreamServer(): Promise<UpstreamServer> {
  let contacts = 0;
  let unauthorized = 0;
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/contacts') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      unauthorized += 1;
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"invalid_token"}');
      return;
    }
    contacts += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': UPSTREAM_CONTACTS_BODY.byteLength }).end(UPSTREAM_CONTACTS_BODY);
  });
  // Longer than any client's idle keep-alive (undici: 4 s), so the server never closes a socket
  // that a client is about to reuse (that race shows up as sporadic resets, not as cost).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counters: () => ({ contacts, unauthorized }),
    resetCounters() {
      contacts = 0;
      unauthorized = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
