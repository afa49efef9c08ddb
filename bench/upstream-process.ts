/**
 * Child-process entry: runs the upstream in its own process (own event loop, own GC), so in the
 * proxy and invoke scenarios the process under test does only its own work.
 * Protocol: sends `ready` with the URL; answers `counters` and `reset` (both with its CPU time); exits when the parent
 * disconnects.
 */
import type { UpstreamCounters } from './upstream-server.js';
import { startUpstreamServer } from './upstream-server.js';

export type UpstreamRequest = { type: 'counters' } | { type: 'reset' };
/** `cpuMicros`: this process's user + system CPU time since it started (process.cpuUsage). */
export type UpstreamReply = { type: 'ready'; url: string } | { type: 'counters'; counters: UpstreamCounters; cpuMicros: number } | { type: 'reset'; cpuMicros: number };

const send = (reply: UpstreamReply): void => {
  process.send?.(reply);
};

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const upstream = await startUpstreamServer();
process.on('message', (message: UpstreamRequest) => {
  if (message.type === 'counters') send({ type: 'counters', counters: upstream.counters(), cpuMicros: cpuMicros() });
  if (message.type === 'reset') {
    upstream.resetCounters();
    send({ type: 'reset', cpuMicros: cpuMicros() });
  }
});
process.once('disconnect', () => {
  void upstream.close().finally(() => process.exit(0));
});
send({ type: 'ready', url: upstream.url });
