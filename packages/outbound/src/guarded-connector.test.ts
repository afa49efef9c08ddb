import { Socket } from 'node:net';
import { SwitchboardError } from '@switchboard/core';
import type { buildConnector } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { compileAllowList } from './compile-allow-list.js';
import { createGuardedConnector } from './guarded-connector.js';

/** An unconnected socket that claims to be connected to `remoteAddress`: no network involved. */
function fakeSocket(remoteAddress: string | undefined): Socket {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  vi.spyOn(socket, 'destroy');
  return socket;
}

function fakeConnector(socket: Socket): buildConnector.connector & { calls: number } {
  const connector = Object.assign(
    (_options: buildConnector.Options, callback: buildConnector.Callback) => {
      connector.calls += 1;
      setImmediate(() => callback(null, socket));
    },
    { calls: 0 },
  );
  return connector;
}

function connect(connector: buildConnector.connector, hostname: string): Promise<{ error: Error | null; socket: Socket | null }> {
  return new Promise((done) => {
    connector({ hostname, host: hostname, protocol: 'http:', port: '80' }, (error: Error | null, socket) => done({ error, socket }));
  });
}

describe('createGuardedConnector', () => {
  it('refuses an IP-literal origin without calling the inner connector', async () => {
    const inner = fakeConnector(fakeSocket('10.0.0.1'));
    const { error } = await connect(createGuardedConnector(compileAllowList([]), inner), '10.0.0.1');
    expect(error).toMatchObject({ code: 'destination_blocked' });
    expect(inner.calls).toBe(0);
  });

  it('destroys the socket when the address actually connected to is refused', async () => {
    // The inner connector stands in for a resolver that said one thing and connected elsewhere.
    const socket = fakeSocket('::ffff:10.0.0.1');
    const { error, socket: returned } = await connect(createGuardedConnector(compileAllowList([]), fakeConnector(socket)), 'api.test');
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ code: 'destination_blocked', details: { host: 'api.test' } });
    expect(returned).toBeNull();
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('fails closed when the remote address is unknown', async () => {
    const socket = fakeSocket(undefined);
    const { error } = await connect(createGuardedConnector(compileAllowList([]), fakeConnector(socket)), 'api.test');
    expect(error).toMatchObject({ code: 'destination_blocked' });
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('hands over sockets connected to allowed addresses', async () => {
    const socket = fakeSocket('127.0.0.1');
    const { error, socket: returned } = await connect(createGuardedConnector(compileAllowList(['127.0.0.1']), fakeConnector(socket)), 'api.test');
    expect(error).toBeNull();
    expect(returned).toBe(socket);
    expect(socket.destroy).not.toHaveBeenCalled();
    socket.destroy();
  });

  it('passes inner connector errors through', async () => {
    const failing: buildConnector.connector = (_options, callback) => setImmediate(() => callback(new Error('ECONNREFUSED'), null));
    const { error } = await connect(createGuardedConnector(compileAllowList([]), failing), 'api.test');
    expect(error?.message).toBe('ECONNREFUSED');
  });
});
