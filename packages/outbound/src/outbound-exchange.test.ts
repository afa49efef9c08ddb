import { SwitchboardError } from '@switchboard/core';
import type { Dispatcher } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutboundExchange } from './outbound-exchange.js';

/** An Agent stand-in that only records what it is asked to dispatch: no network. */
function fakeAgent(): Dispatcher & { handler?: Dispatcher.DispatchHandler } {
  const agent = {
    handler: undefined as Dispatcher.DispatchHandler | undefined,
    dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
      agent.handler = handler;
      return true;
    },
  };
  return agent as unknown as Dispatcher & { handler?: Dispatcher.DispatchHandler };
}

/** A handler in the legacy protocol undici 7's fetch uses, recording what reaches it. */
function legacyHandler() {
  const seen = { data: [] as number[], completed: 0, errors: [] as Error[] };
  const handler: Dispatcher.DispatchHandler = {
    onData(chunk: Buffer) {
      seen.data.push(chunk.length);
      return true;
    },
    onComplete() {
      seen.completed += 1;
    },
    onError(error: Error) {
      seen.errors.push(error);
    },
  };
  return { handler, seen };
}

const options = { path: '/', method: 'GET', origin: 'http://127.0.0.1' } as Dispatcher.DispatchOptions;

afterEach(() => {
  vi.useRealTimers();
});

describe('OutboundExchange', () => {
  it('counts body bytes through the decorated handler and aborts over the cap', () => {
    const agent = fakeAgent();
    const exchange = new OutboundExchange(agent, 'api.test', 1_000, 10, undefined);
    const { handler, seen } = legacyHandler();
    exchange.dispatch(options, handler);
    expect(exchange.hooked).toBe(true);
    expect(agent.handler?.onData?.(Buffer.alloc(6))).toBe(true);
    expect(agent.handler?.onData?.(Buffer.alloc(6))).toBe(false);
    expect(seen.data).toEqual([6]); // the chunk over the cap never reaches fetch
    expect(exchange.signal.aborted).toBe(true);
    expect(exchange.signal.reason).toMatchObject({ code: 'upstream_response_too_large', details: { host: 'api.test', maxBytes: 10 } });
  });

  it('aborts with upstream_timeout when the clock runs out, and not after completion', () => {
    vi.useFakeTimers();
    const slow = new OutboundExchange(fakeAgent(), 'api.test', 100, 10, undefined);
    vi.advanceTimersByTime(100);
    expect(slow.signal.reason).toBeInstanceOf(SwitchboardError);
    expect(slow.signal.reason).toMatchObject({ code: 'upstream_timeout' });

    const agent = fakeAgent();
    const fast = new OutboundExchange(agent, 'api.test', 100, 10, undefined);
    const { handler, seen } = legacyHandler();
    fast.dispatch(options, handler);
    agent.handler?.onComplete?.(null);
    vi.advanceTimersByTime(1_000);
    expect(fast.signal.aborted).toBe(false);
    expect(seen.completed).toBe(1);
  });

  it('maps network errors onto the signal before fetch sees them', () => {
    const agent = fakeAgent();
    const exchange = new OutboundExchange(agent, 'api.test', 1_000, 10, undefined);
    const { handler, seen } = legacyHandler();
    exchange.dispatch(options, handler);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    agent.handler?.onError?.(reset);
    expect(exchange.signal.reason).toMatchObject({ code: 'upstream_unreachable', details: { reason: 'ECONNRESET' } });
    expect(seen.errors).toEqual([reset]);
  });

  it('follows the caller’s signal and lets go of it when done', () => {
    const caller = new AbortController();
    const exchange = new OutboundExchange(fakeAgent(), 'api.test', 1_000, 10, caller.signal);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(exchange.signal.reason).toBe(reason);

    const later = new AbortController();
    const settled = new OutboundExchange(fakeAgent(), 'api.test', 1_000, 10, later.signal);
    settled.settle();
    later.abort(new Error('too late'));
    expect(settled.signal.aborted).toBe(false);
  });

  it('leaves handlers of any other protocol alone, so the caller falls back to stream counting', () => {
    const agent = fakeAgent();
    const exchange = new OutboundExchange(agent, 'api.test', 1_000, 10, undefined);
    const handler: Dispatcher.DispatchHandler = { onRequestStart() {}, onResponseData() {}, onResponseEnd() {}, onResponseError() {} };
    exchange.dispatch(options, handler);
    expect(exchange.hooked).toBe(false);
    expect(agent.handler).toBe(handler);
    expect(handler.onResponseData).toBeDefined();
    exchange.settle();
  });
});
