import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSwitchboardError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readNodeRequestBody } from './node-request-body.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose every request is read with `readNodeRequestBody`; resolves each outcome. */
async function serve(maxBytes: number): Promise<{ port: number; outcomes: Array<Promise<Buffer>> }> {
  const outcomes: Array<Promise<Buffer>> = [];
  server = createServer((incoming: IncomingMessage, outgoing) => {
    const outcome = readNodeRequestBody(incoming, maxBytes);
    outcomes.push(outcome);
    outcome.then(
      (body) => outgoing.end(`read ${body.byteLength}`),
      () => outgoing.writeHead(413, { connection: 'close' }).end(),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, outcomes };
}

describe('readNodeRequestBody', () => {
  it('returns the whole body, however it was chunked', async () => {
    const { port, outcomes } = await serve(100);
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{"a":1}' });
    expect(await response.text()).toBe('read 7');
    expect((await outcomes[0]!).toString()).toBe('{"a":1}');

    const parts = ['{"b":', '"xyz"', '}'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const chunked = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await chunked.text()).toBe('read 11');
    expect((await outcomes[1]!).toString()).toBe('{"b":"xyz"}');
  });

  it('reads an empty body as empty', async () => {
    const { port, outcomes } = await serve(100);
    await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' })).text();
    expect((await outcomes[0]!).byteLength).toBe(0);
  });

  it('refuses a chunked body without Content-Length once it passes the cap', async () => {
    const { port, outcomes } = await serve(1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 64) return controller.close();
        sent += 1;
        controller.enqueue(new Uint8Array(512));
      },
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit).catch((error: unknown) => error);
    if (!(response instanceof Error)) expect((response as Response).status).toBe(413);
    const error = await outcomes[0]!.catch((e: unknown) => e);
    expect(isSwitchboardError(error) && error.code).toBe('payload_too_large');
  });

  it('rejects when the client goes away mid-body', async () => {
    const { port, outcomes } = await serve(1024);
    const client = httpRequest({ host: '127.0.0.1', port, method: 'POST', headers: { 'content-length': '100' } });
    client.on('error', () => {});
    client.write('{"partial":');
    await expect.poll(() => outcomes.length).toBe(1);
    client.destroy();
    await expect(outcomes[0]!).rejects.toThrow();
  });
});
