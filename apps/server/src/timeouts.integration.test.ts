import { createServer, type Server, type Socket } from 'node:net';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type TestEnvironment } from './testing/test-environment.js';

/** A loopback server that accepts connections and never answers. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.each(testDatabases())('timeouts on $name', (database) => {
  let env: TestEnvironment;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;

  beforeAll(async () => {
    silent = await startSilentServer();
    env = await createTestEnvironment({ database, limits: { outboundTimeoutMs: 400, tokenRequestTimeoutMs: 400 } });
    await env.createAcmeConnector();
    await env.request('POST', '/v1/connectors/acme/apis', { name: 'Silent', apiName: 'silent', method: 'GET', url: `${silent.url}/never` });
    expect((await env.authorize('dev')).status).toBe(200);
  });

  afterAll(async () => {
    await env?.close();
    await silent?.close();
  });

  it('an upstream API that never answers → 504 upstream_timeout', async () => {
    expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acme.silent', {}), 504, 'upstream_timeout');
  });

  it('a token endpoint that never answers during refresh → 504; the connection stays authorized with the error recorded', async () => {
    await env.createAcmeConnector({ name: 'Acme slow refresh', apiName: 'acmeslow', refreshUrl: `${silent.url}/token` });
    expect((await env.authorize('dev', 'acmeslow')).status).toBe(200);
    env.demo.invalidateIssuedAccessTokens(); // 401 → forced refresh → the silent token endpoint
    expectProblem(await env.request('POST', '/v1/orgs/dev/invoke/acmeslow.listcontacts', {}), 504, 'upstream_timeout');
    const connection = await env.connection('dev', 'acmeslow');
    expect(connection.status).toBe('authorized');
    expect(connection.lastError?.code).toBe('upstream_timeout');
  });
});
