import { newEvent, systemClock, type AuditEvent, type EventRepository } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../testing/capture-logger.js';
import { createBufferedEventSink } from './buffered-event-sink.js';

/** The repository port, keeping what it was given; `failures` makes the next writes throw. */
function recordingRepository() {
  const batches: AuditEvent[][] = [];
  let failures = 0;
  let waiters: Array<() => void> = [];
  const repository: Pick<EventRepository, 'appendMany'> = {
    async appendMany(events) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('database unavailable');
      }
      batches.push([...events]);
      for (const wake of waiters) wake();
      waiters = [];
    },
  };
  return {
    repository,
    batches,
    written: () => batches.flat(),
    failNext(count: number) {
      failures = count;
    },
    /** Resolves at the next successful write. */
    nextWrite: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/**
 * The repository port with a slow database: every write waits until `open()` is called (and
 * those after it do not). Keeps the batches and the most writes ever in progress at once.
 */
function slowRepository() {
  const batches: AuditEvent[][] = [];
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let active = 0;
  let maxActive = 0;
  const repository: Pick<EventRepository, 'appendMany'> = {
    async appendMany(events) {
      batches.push([...events]);
      active += 1;
      maxActive = Math.max(maxActive, active);
      await opened;
      active -= 1;
    },
  };
  return { repository, batches, open: () => open(), maxActive: () => maxActive };
}

const event = (n: number, secret = 'none') =>
  newEvent({ clock: systemClock }, { orgId: 'dev', type: 'api.invoked', connector: 'acme', actor: { kind: 'admin' }, data: { api: `api_${n}`, note: secret } });

describe('buffered event sink', () => {
  it('holds events until flushed, then writes them in one batch, in order', async () => {
    const store = recordingRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 60_000 });
    const events = [1, 2, 3].map((n) => event(n));
    for (const e of events) sink.record(e);
    expect(store.written()).toEqual([]);
    await sink.flush();
    expect(store.batches).toEqual([events]);
    await sink.close();
  });

  it('writes on its own when the batch fills, in batches of at most batchSize', async () => {
    const store = recordingRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 60_000, batchSize: 4 });
    const written = store.nextWrite();
    for (let n = 0; n < 4; n += 1) sink.record(event(n));
    await written;
    expect(store.written()).toHaveLength(4);
    for (let n = 4; n < 13; n += 1) sink.record(event(n));
    await sink.flush();
    expect(store.written().map((e) => e.data['api'])).toEqual(Array.from({ length: 13 }, (_, n) => `api_${n}`));
    expect(Math.max(...store.batches.map((b) => b.length))).toBeLessThanOrEqual(4);
    await sink.close();
  });

  it('writes on its own after the interval', async () => {
    const store = recordingRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 5 });
    const written = store.nextWrite();
    sink.record(event(1));
    await written;
    expect(store.written()).toHaveLength(1);
    await sink.close();
  });

  it('a failed write is logged without event content, retried a bounded number of times, then dropped', async () => {
    const store = recordingRepository();
    const captured = captureLogger();
    const sink = createBufferedEventSink({ events: store.repository, logger: captured.logger, flushIntervalMs: 60_000, maxAttempts: 2 });
    // One failure: the batch is written on the next flush.
    store.failNext(1);
    sink.record(event(1, 'canary-event-content'));
    await sink.flush();
    expect(store.written()).toHaveLength(0);
    await sink.flush();
    expect(store.written()).toHaveLength(1);
    // Failing every attempt: dropped after maxAttempts, and later events still get through.
    store.failNext(2);
    sink.record(event(2, 'canary-event-content'));
    await sink.flush();
    await sink.flush();
    sink.record(event(3));
    await sink.flush();
    expect(store.written().map((e) => e.data['api'])).toEqual(['api_1', 'api_3']);
    expect(captured.output()).toContain('writing audit events failed');
    expect(captured.output()).not.toContain('canary-event-content');
    expect(captured.output()).not.toContain('api_2');
    await sink.close();
  });

  it('during a slow write, new events join the buffer and every flush shares the one write queued behind it', async () => {
    const store = slowRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 60_000, batchSize: 3 });
    sink.record(event(0));
    const first = sink.flush();
    // Three full batches (each asks for a flush) and explicit flushes while the first write hangs.
    for (let n = 1; n <= 9; n += 1) sink.record(event(n));
    const flushes = [sink.flush(), sink.flush(), sink.flush()];
    expect(new Set(flushes).size).toBe(1);
    expect(flushes[0]).not.toBe(first);
    expect(store.batches).toHaveLength(1);

    store.open();
    await first;
    await flushes[0];
    // The first write, then the nine waiting events in three batches: no write per flush asked.
    expect(store.batches.map((batch) => batch.map((e) => e.data['api']))).toEqual([
      ['api_0'],
      ['api_1', 'api_2', 'api_3'],
      ['api_4', 'api_5', 'api_6'],
      ['api_7', 'api_8', 'api_9'],
    ]);
    expect(store.maxActive()).toBe(1);
    // Nothing is left queued: the next flush writes only what is new.
    sink.record(event(10));
    await sink.flush();
    expect(store.batches).toHaveLength(5);
    await sink.close();
  });

  it('close during a slow write waits for it and writes what was recorded meanwhile', async () => {
    const store = slowRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 60_000 });
    sink.record(event(0));
    void sink.flush();
    sink.record(event(1));
    const closed = sink.close();
    sink.record(event(2));
    store.open();
    await closed;
    expect(store.batches.flat().map((e) => e.data['api'])).toEqual(['api_0', 'api_1', 'api_2']);
    sink.record(event(3));
    await sink.flush();
    expect(store.batches.flat()).toHaveLength(3);
  });

  it('close flushes what is left and ignores later records', async () => {
    const store = recordingRepository();
    const sink = createBufferedEventSink({ events: store.repository, logger: captureLogger().logger, flushIntervalMs: 60_000 });
    sink.record(event(1));
    await sink.close();
    expect(store.written()).toHaveLength(1);
    sink.record(event(2));
    await sink.flush();
    expect(store.written()).toHaveLength(1);
  });

  it('keeps at most maxBuffered events while writes fail, dropping the oldest', async () => {
    const store = recordingRepository();
    const captured = captureLogger();
    const sink = createBufferedEventSink({ events: store.repository, logger: captured.logger, flushIntervalMs: 60_000, batchSize: 100, maxBuffered: 3 });
    for (let n = 0; n < 5; n += 1) sink.record(event(n));
    await sink.flush();
    expect(store.written().map((e) => e.data['api'])).toEqual(['api_2', 'api_3', 'api_4']);
    expect(captured.output()).toContain('"dropped":2');
    await sink.close();
  });

  it('keeps at most maxBuffered events in all, failed batches awaiting their retry included', async () => {
    const store = recordingRepository();
    const captured = captureLogger();
    const sink = createBufferedEventSink({ events: store.repository, logger: captured.logger, flushIntervalMs: 60_000, batchSize: 2, maxBuffered: 3, maxAttempts: 100 });
    // The database is down for a while: every flush fails, and failed batches wait for a retry.
    store.failNext(1_000);
    for (let n = 0; n < 20; n += 1) {
      sink.record(event(n));
      await sink.flush();
    }
    store.failNext(0);
    await sink.flush();
    // Only the newest maxBuffered survive; the rest were dropped and counted.
    expect(store.written().map((e) => e.data['api'])).toEqual(['api_17', 'api_18', 'api_19']);
    expect(captured.output()).toContain('audit events dropped');
    await sink.close();
  });
});
