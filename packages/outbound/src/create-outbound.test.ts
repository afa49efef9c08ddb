import type { LookupAddress } from 'node:dns';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net, { isIP, type AddressInfo, type LookupFunction } from 'node:net';
import tls from 'node:tls';
import { gzipSync } from 'node:zlib';
import { SwitchboardError } from '@switchboard/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOutbound, type Outbound, type OutboundOptions } from './create-outbound.js';
import type { OutboundLookup } from './guarded-lookup.js';

// Safety net for this machine's rule that tests reach loopback only. undici opens sockets
// through net.connect / tls.connect (the same module objects imported here), so every attempt
// is recorded; one aimed at a non-loopback IP throws instead of connecting, and for a hostname
// the resolver handed to the socket is wrapped so that a non-loopback answer fails the lookup
// rather than reaching the socket — whatever the code under test does. Hostnames are resolved
// by the fake resolver below, never by real DNS.
const socketAttempts: string[] = [];
const safetyViolations: string[] = [];
const originalNetConnect = net.connect;
const originalTlsConnect = tls.connect;
const isLoopback = (address: string): boolean =>
  address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
function guardTestSocket(options: unknown): void {
  if (typeof options !== 'object' || options === null) throw new Error('test safety: unexpected connect arguments');
  const target = options as { host?: unknown; lookup?: unknown };
  const host = String(target.host);
  socketAttempts.push(host);
  if (isIP(host) !== 0) {
    if (isLoopback(host)) return;
    safetyViolations.push(host);
    throw new Error(`test safety: refused to open a socket to non-loopback ${host}`);
  }
  const lookup = target.lookup;
  if (typeof lookup !== 'function') {
    safetyViolations.push(host);
    throw new Error(`test safety: ${host} would be resolved by real DNS`);
  }
  const checked: LookupFunction = (hostname, lookupOptions, callback) => {
    (lookup as LookupFunction)(hostname, lookupOptions, (error, address, family) => {
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      const outside = error === null ? addresses.filter((entry) => !isLoopback(entry)) : [];
      if (outside.length > 0) {
        safetyViolations.push(...outside);
        callback(new Error(`test safety: ${hostname} resolved to non-loopback ${outside.join(', ')}`), '');
        return;
      }
      callback(error, address, family);
    });
  };
  target.lookup = checked;
}
beforeAll(() => {
  vi.spyOn(net, 'connect').mockImplementation(((...args: Parameters<typeof net.connect>) => {
    guardTestSocket(args[0]);
    return originalNetConnect(...args);
  }) as typeof net.connect);
  vi.spyOn(tls, 'connect').mockImplementation(((...args: Parameters<typeof tls.connect>) => {
    guardTestSocket(args[0]);
    return originalTlsConnect(...args);
  }) as typeof tls.connect);
});
afterAll(() => vi.restoreAllMocks());

/**
 * Fake DNS: names resolve only to what the test says. Deliberately no public addresses: the
 * guard lets public addresses through, so a test must never be able to reach one.
 */
const dnsTable: Record<string, LookupAddress[]> = {
  localhost: [{ address: '127.0.0.1', family: 4 }],
  'api.test': [{ address: '127.0.0.1', family: 4 }],
  'internal.test': [{ address: '10.0.0.7', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  // One allowed and one refused answer: the refused one must fail the whole lookup.
  'rebind.test': [{ address: '127.0.0.1', family: 4 }, { address: '10.0.0.8', family: 4 }],
};
const lookups: string[] = [];
const fakeLookup: OutboundLookup = (hostname, _options, callback) => {
  lookups.push(hostname);
  if (hostname === 'hanging.test') return; // a resolver that never answers
  const addresses = dnsTable[hostname];
  setImmediate(() => {
    if (addresses === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    else callback(null, addresses);
  });
};

interface TestServer {
  readonly port: number;
  readonly origin: string;
  /** TCP connections accepted: proves whether anything reached the server at all. */
  connections: number;
  readonly requests: Array<{ url: string; host: string | undefined; body: string }>;
  close(): Promise<void>;
}

async function startServer(handler: RequestListener): Promise<TestServer> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests.push({ url: request.url ?? '', host: request.headers.host, body: Buffer.concat(chunks).toString() });
      handler(request, response);
    });
  });
  server.on('connection', () => {
    state.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(state);
  return state;
}

const servers: TestServer[] = [];
const outbounds: Outbound[] = [];

function outbound(options: Partial<OutboundOptions> = {}): Outbound {
  const created = createOutbound({ allowPrivateNetwork: [], timeoutMs: 2_000, maxResponseBytes: 1024, lookup: fakeLookup, ...options });
  outbounds.push(created);
  return created;
}

afterEach(async () => {
  expect(safetyViolations).toEqual([]);
  await Promise.all(outbounds.splice(0).map((o) => o.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  socketAttempts.length = 0;
  lookups.length = 0;
});

async function rejection(promise: Promise<unknown>): Promise<SwitchboardError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SwitchboardError);
  return error as SwitchboardError;
}

const hello: RequestListener = (_request, response) => response.end('hello');

describe('createOutbound: allow-list', () => {
  it.each([
    ['by IP', ['127.0.0.1']],
    ['by CIDR', ['127.0.0.0/8']],
    ['by IPv4-mapped IPv6', ['::ffff:127.0.0.1']],
  ])('reaches an allow-listed loopback server %s', async (_label, allow) => {
    const server = await startServer(hello);
    const response = await outbound({ allowPrivateNetwork: allow }).fetch(`${server.origin}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    expect(server.requests[0]?.url).toBe('/ping');
  });

  it("reaches it by hostname when 'localhost' is allow-listed (any case)", async () => {
    const server = await startServer(hello);
    const response = await outbound({ allowPrivateNetwork: ['LocalHost'] }).fetch(`http://localhost:${server.port}/`);
    expect(await response.text()).toBe('hello');
    expect(lookups).toEqual(['localhost']);
  });

  it('judges the resolved address: a name resolving to an allowed 127.0.0.1 works', async () => {
    const server = await startServer(hello);
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`http://api.test:${server.port}/x`);
    expect(await response.text()).toBe('hello');
    expect(server.requests[0]?.host).toBe(`api.test:${server.port}`);
  });

  it('refuses the same server when not allow-listed, and it sees no connection at all', async () => {
    const server = await startServer(hello);
    const client = outbound({ allowPrivateNetwork: ['10.0.0.0/8', 'other.test'] });
    for (const url of [`${server.origin}/`, `http://localhost:${server.port}/`, `http://api.test:${server.port}/`]) {
      const error = await rejection(client.fetch(url));
      expect(error.code).toBe('destination_blocked');
    }
    expect(server.connections).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('reuses keep-alive connections across requests', async () => {
    const server = await startServer(hello);
    const client = outbound({ allowPrivateNetwork: ['127.0.0.1'] });
    for (let i = 0; i < 3; i += 1) {
      await (await client.fetch(server.origin)).text();
      // undici returns the socket to the pool a moment after the body ends (bare undici
      // opens a second connection here too without the pause).
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.connections).toBe(1);
  });
});

describe('createOutbound: SSRF guard before connecting', () => {
  it.each([
    ['decimal', 'http://2130706433:PORT/'],
    ['hex', 'http://0x7f.1:PORT/'],
    ['hex dotted', 'http://0x7f.0x0.0x0.0x1:PORT/'],
    ['octal', 'http://0177.0.0.1:PORT/'],
    ['short', 'http://127.1:PORT/'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]:PORT/'],
    ['IPv4-mapped IPv6 hex', 'http://[::ffff:7f00:1]:PORT/'],
    ['IPv6 loopback', 'http://[::1]:PORT/'],
    ['IPv4 unspecified', 'http://0.0.0.0:PORT/'],
    ['IPv6 unspecified', 'http://[::]:PORT/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['cloud metadata, mapped', 'http://[::ffff:169.254.169.254]/'],
    ['RFC 1918', 'http://10.1.2.3/'],
    ['RFC 1918, 172.16/12', 'https://172.20.0.1/'],
    ['RFC 1918, 192.168/16', 'http://192.168.0.1:8080/'],
    ['carrier-grade NAT', 'http://100.64.0.1/'],
    ['unique local', 'http://[fd00::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['multicast', 'http://224.0.0.1/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['benchmarking', 'http://198.18.0.1/'],
    ['NAT64 of 10.0.0.1', 'http://[64:ff9b::a00:1]/'],
    ['6to4 of 10.0.0.1', 'http://[2002:a00:1::1]/'],
  ])('refuses the %s literal without opening a socket', async (_label, template) => {
    const server = await startServer(hello);
    const error = await rejection(outbound().fetch(template.replace('PORT', String(server.port))));
    expect(error.code).toBe('destination_blocked');
    expect(socketAttempts).toEqual([]);
    expect(lookups).toEqual([]);
    expect(server.connections).toBe(0);
  });

  it.each(['internal.test', 'metadata.test', 'rebind.test'])(
    'refuses %s when fake DNS returns a non-public address, naming the host only',
    async (hostname) => {
      const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`http://${hostname}/`));
      expect(error.code).toBe('destination_blocked');
      expect(error.message).toContain(hostname);
      expect(error.message).not.toMatch(/10\.0\.0\.7|169\.254|127\.0\.0\.1/);
      expect(lookups).toEqual([hostname]);
    },
  );

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/', 'data:text/plain,hi', 'ws://127.0.0.1/', 'gopher://127.0.0.1:70/'])(
    'refuses the non-http scheme of %s',
    async (url) => {
      const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(url));
      expect(error.code).toBe('destination_blocked');
      expect(socketAttempts).toEqual([]);
    },
  );

  it('refuses credentials in the URL without echoing them', async () => {
    const server = await startServer(hello);
    const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`http://user:hunter2@127.0.0.1:${server.port}/`));
    expect(error.code).toBe('destination_blocked');
    expect(error.message).not.toContain('hunter2');
    expect(server.connections).toBe(0);
  });

  it('proves the safety net stops non-loopback answers before a socket sees them (no socket involved)', async () => {
    const options: { host: string; lookup: LookupFunction } = {
      host: 'public.test',
      lookup: (_hostname, _options, callback) => callback(null, [{ address: '93.184.216.34', family: 4 }]),
    };
    guardTestSocket(options);
    const error = await new Promise<Error | null>((resolve) => options.lookup('public.test', { all: true }, (e) => resolve(e)));
    expect(error?.message).toContain('test safety');
    expect(safetyViolations).toEqual(['93.184.216.34']);
    expect(() => guardTestSocket({ host: '10.0.0.1' })).toThrow('test safety');
    expect(() => guardTestSocket({ host: 'no-lookup.test' })).toThrow('real DNS');
    safetyViolations.length = 0;
  });

  it('proves the socket safety net intercepts undici', async () => {
    const server = await startServer(hello);
    await (await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin)).text();
    expect(socketAttempts).toEqual(['127.0.0.1']);
  });
});

describe('createOutbound: redirects', () => {
  it.each([undefined, 'follow', 'error'] as const)('returns 3xx as is (caller asked for redirect: %s)', async (redirect) => {
    const target = await startServer(hello);
    const location = `${target.origin}/landing?token=abc`;
    const origin = await startServer((_request, response) => {
      response.writeHead(302, { location });
      response.end('moved');
    });
    const init: RequestInit = { headers: { authorization: 'Bearer secret' } };
    if (redirect !== undefined) init.redirect = redirect;
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`${origin.origin}/start`, init);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(location);
    expect(await response.text()).toBe('moved');
    expect(target.connections).toBe(0);
  });
});

describe('createOutbound: timeouts and failures', () => {
  it('maps a slow response to upstream_timeout', async () => {
    const server = await startServer((_request, response) => {
      setTimeout(() => response.end('late'), 1_000);
    });
    const started = Date.now();
    const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'], timeoutMs: 100 }).fetch(`${server.origin}/?api_key=SECRET`));
    expect(error.code).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(900);
    expect(error.message).not.toMatch(/SECRET|\?/);
  });

  it('covers the body read with the same timeout', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200);
      response.write('first');
      setTimeout(() => response.end('rest'), 1_000);
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'], timeoutMs: 200 }).fetch(server.origin);
    expect(response.status).toBe(200);
    const error = await rejection(response.text());
    expect(error.code).toBe('upstream_timeout');
  });

  it('stops the clock once the exchange is complete, even if the body is read later', async () => {
    const server = await startServer(hello);
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'], timeoutMs: 100 }).fetch(server.origin);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await response.text()).toBe('hello');
  });

  it('rejects a body read with the caller’s abort reason', async () => {
    const server = await startServer((_request, response) => {
      response.write('first');
      setTimeout(() => response.end('rest'), 1_000);
    });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(response.text()).rejects.toBe(reason);
  });

  it('rejects at once when the caller’s signal is already aborted', async () => {
    const server = await startServer(hello);
    const reason = new Error('already');
    await expect(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.connections).toBe(0);
  });

  it('rejects with the caller’s own abort reason', async () => {
    const server = await startServer((_request, response) => {
      setTimeout(() => response.end('late'), 1_000);
    });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 50);
    await expect(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('maps a refused connection to upstream_unreachable without the query', async () => {
    const server = await startServer(hello);
    const { port } = server;
    await server.close();
    const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`http://127.0.0.1:${port}/path?api_key=SECRET`));
    expect(error.code).toBe('upstream_unreachable');
    expect(error.message).toContain('127.0.0.1');
    expect(error.message).not.toMatch(/SECRET|\?|\/path/);
    expect(JSON.stringify(error.details)).not.toContain('SECRET');
  });

  it('maps a DNS failure to upstream_unreachable', async () => {
    const error = await rejection(outbound().fetch('http://unknown.test/?api_key=SECRET'));
    expect(error.code).toBe('upstream_unreachable');
    expect(error.message).not.toContain('SECRET');
  });

  it('maps a connection reset mid-body to upstream_unreachable', async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('partial');
      setTimeout(() => request.socket.destroy(), 20);
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin);
    const error = await rejection(response.text());
    expect(error.code).toBe('upstream_unreachable');
  });

  it('maps a connect timeout (here: DNS that never answers) to upstream_timeout', async () => {
    const error = await rejection(outbound({ connectTimeoutMs: 100 }).fetch('http://hanging.test/?api_key=SECRET'));
    expect(error.code).toBe('upstream_timeout');
    expect(error.details).toMatchObject({ host: 'hanging.test', reason: 'UND_ERR_CONNECT_TIMEOUT' });
    expect(error.message).not.toContain('SECRET');
  });

  it('refuses fetch-standard bad ports before dispatch', async () => {
    const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch('http://127.0.0.1:6000/'));
    expect(error.code).toBe('destination_blocked');
    expect(socketAttempts).toEqual([]);
  });

  it('keeps a blocked URL’s query out of the message', async () => {
    const error = await rejection(outbound().fetch('http://10.0.0.1/admin?api_key=SECRET'));
    expect(error.message).toBe('Outbound request to "10.0.0.1" refused: the address is in the "private" range and not in SWITCHBOARD_ALLOW_PRIVATE_NETWORK.');
  });

  it('does not echo an invalid header value', async () => {
    const server = await startServer(hello);
    const error = await rejection(
      outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin, { headers: { 'x-api-key': 'SECRET\r\nx: y' } }),
    );
    expect(error.message).not.toContain('SECRET');
    expect(server.connections).toBe(0);
  });
});

describe('createOutbound: response size cap', () => {
  it('errors the body on read once it exceeds the cap (chunked, no Content-Length)', async () => {
    const server = await startServer((_request, response) => {
      response.write('a'.repeat(600));
      setTimeout(() => response.end('b'.repeat(600)), 50);
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin);
    expect(response.status).toBe(200);
    const error = await rejection(response.text());
    expect(error.code).toBe('upstream_response_too_large');
  });

  it('refuses an oversize chunked body that arrives with the headers, at fetch or on read', async () => {
    const server = await startServer((_request, response) => {
      response.end('a'.repeat(1200));
    });
    const error = await rejection(
      outbound({ allowPrivateNetwork: ['127.0.0.1'] })
        .fetch(server.origin)
        .then((response) => response.text()),
    );
    expect(error.code).toBe('upstream_response_too_large');
  });

  it('holds a server to its Content-Length: extra bytes never reach the caller', async () => {
    const server = await startServer((request) => {
      // Lies: declares 10 bytes, sends 2000.
      request.socket.end(`HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n${'x'.repeat(2000)}`);
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin);
    expect(await response.text()).toBe('x'.repeat(10));
  });

  it('refuses at fetch time when Content-Length already exceeds the cap', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-length': '2048' });
      response.end('x'.repeat(2048));
    });
    const error = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin));
    expect(error.code).toBe('upstream_response_too_large');
  });

  it('counts decoded bytes, so a small gzip bomb is caught', async () => {
    const bomb = gzipSync(Buffer.alloc(1024 * 1024));
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      response.end(bomb);
    });
    expect(bomb.length).toBeLessThan(4096);
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'], maxResponseBytes: 4096 }).fetch(server.origin);
    const error = await rejection(response.arrayBuffer());
    expect(error.code).toBe('upstream_response_too_large');
  });

  it('delivers a body of exactly the cap, streamed', async () => {
    const server = await startServer((_request, response) => {
      response.write('a'.repeat(512));
      response.end('b'.repeat(512));
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin);
    expect((await response.text()).length).toBe(1024);
  });

  it('hands identity responses over untouched and re-wraps only decoded ones', async () => {
    const small = gzipSync(Buffer.from('hello gzip'));
    const server = await startServer((request, response) => {
      if (request.url === '/gzip') response.writeHead(200, { 'content-encoding': 'gzip' }).end(small);
      else response.end('plain');
    });
    const client = outbound({ allowPrivateNetwork: ['127.0.0.1'] });
    const plain = await client.fetch(`${server.origin}/plain`);
    // Only undici's own Response knows its URL: proves the dispatch hook, not a stream, counted.
    expect(plain.url).toBe(`${server.origin}/plain`);
    expect(await plain.text()).toBe('plain');
    const decoded = await client.fetch(`${server.origin}/gzip`);
    expect(decoded.url).toBe('');
    expect(await decoded.text()).toBe('hello gzip');
  });

  it('passes bodiless responses through', async () => {
    const server = await startServer((request, response) => {
      response.writeHead(request.method === 'HEAD' ? 200 : 204, { 'content-length': request.method === 'HEAD' ? '999999' : '0' });
      response.end();
    });
    const client = outbound({ allowPrivateNetwork: ['127.0.0.1'] });
    expect((await client.fetch(server.origin, { method: 'DELETE' })).status).toBe(204);
    expect((await client.fetch(server.origin, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('createOutbound: requests', () => {
  it('sends method, headers and body', async () => {
    const server = await startServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ method: request.method, auth: request.headers.authorization }));
    });
    const response = await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(new URL(`${server.origin}/items`), {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Bearer t' });
    expect(server.requests[0]?.body).toBe('{"a":1}');
  });

  it("sends Node's global FormData as multipart (undici 7 would send \"[object FormData]\")", async () => {
    const server = await startServer(hello);
    const form = new FormData();
    form.append('name', 'value');
    form.append('file', new File(['content'], 'a.txt', { type: 'text/plain' }));
    await (await outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(server.origin, { method: 'POST', body: form })).text();
    const body = server.requests[0]?.body ?? '';
    expect(body).toContain('name="name"');
    expect(body).toContain('filename="a.txt"');
    expect(body).toContain('content');
  });

  it('fails requests after close()', async () => {
    const server = await startServer(hello);
    const client = outbound({ allowPrivateNetwork: ['127.0.0.1'] });
    await (await client.fetch(server.origin)).text();
    await client.close();
    await expect(client.fetch(server.origin)).rejects.toBeInstanceOf(SwitchboardError);
  });
});

describe('createOutbound: options', () => {
  it('rejects bad allow-list entries and limits at creation', () => {
    expect(() => createOutbound({ allowPrivateNetwork: ['10.0.0.0/33'], timeoutMs: 1, maxResponseBytes: 1 })).toThrow('"10.0.0.0/33"');
    expect(() => createOutbound({ allowPrivateNetwork: [], timeoutMs: 0, maxResponseBytes: 1 })).toThrow('timeoutMs');
    expect(() => createOutbound({ allowPrivateNetwork: [], timeoutMs: 1, maxResponseBytes: -1 })).toThrow('maxResponseBytes');
  });
});

describe('createOutbound: https', () => {
  // A throwaway self-signed certificate: enough to drive the TLS connect path through the
  // guarded connector (the handshake then fails verification, as it must).
  function selfSignedCertificate(): { key: Buffer; cert: Buffer } | undefined {
    const dir = mkdtempSync(join(tmpdir(), 'outbound-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.test',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('guards TLS connections the same way, and maps a failed handshake to upstream_unreachable', async (context) => {
    const credentials = selfSignedCertificate();
    if (credentials === undefined) context.skip();
    let connections = 0;
    const server = createTlsServer(credentials ?? {}, (_request, response) => response.end('secure'));
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const blocked = await rejection(outbound().fetch(`https://api.test:${port}/`));
      expect(blocked.code).toBe('destination_blocked');
      expect(connections).toBe(0);

      const untrusted = await rejection(outbound({ allowPrivateNetwork: ['127.0.0.1'] }).fetch(`https://api.test:${port}/?api_key=SECRET`));
      expect(untrusted.code).toBe('upstream_unreachable');
      expect(untrusted.details).toMatchObject({ host: 'api.test', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(untrusted.message).not.toContain('SECRET');
      expect(connections).toBe(1);
      // Both went through tls.connect with the guarded lookup; the refused one failed in the
      // lookup, before any TCP connect (the server counted only the second).
      expect(socketAttempts).toEqual(['api.test', 'api.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
