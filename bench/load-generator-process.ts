/**
 * Child-process entry: runs autocannon for one scenario (warm-up, then the measured run) and
 * reports a summary. Running the load generator in its own process keeps its CPU work off the
 * event loop of the server under test; on a 2-core machine it still competes for the cores,
 * which every scenario pays alike.
 * Protocol: for each `LoadRequest` received (one at a time), sends `measuring` when the measured
 * run starts, then `result` (or `failed`); exits when the parent disconnects.
 */
import autocannon from 'autocannon';
import { assertLoopback } from './assert-loopback.js';
import { summarizeLoad, type LoadSummary } from './load-summary.js';

export interface LoadRequest {
  readonly type: 'run';
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  /** Requests sent first and thrown away (JIT, connection pools, caches). */
  readonly warmupRequests: number;
  /** Either a fixed duration or a fixed number of requests (the refresh storm). */
  readonly durationSeconds?: number;
  readonly amount?: number;
}

export type LoadReply = { type: 'measuring' } | { type: 'result'; summary: LoadSummary } | { type: 'failed'; message: string };

const send = (reply: LoadReply): Promise<void> =>
  new Promise((resolve) => {
    process.send?.(reply, undefined, undefined, () => resolve());
  });

async function run(request: LoadRequest): Promise<LoadSummary> {
  assertLoopback(request.url);
  const base: autocannon.Options = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    connections: request.connections,
    timeout: 10,
  };
  if (request.warmupRequests > 0) await autocannon({ ...base, amount: request.warmupRequests });
  await send({ type: 'measuring' });
  const measured = request.amount !== undefined ? { amount: request.amount } : { duration: request.durationSeconds ?? 10 };
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({ ...base, ...measured });
  const cpu = process.cpuUsage(cpuBefore);
  return summarizeLoad(result, (cpu.user + cpu.system) / 1000);
}

process.on('message', (request: LoadRequest) => {
  void run(request)
    .then((summary) => send({ type: 'result', summary }))
    .catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
process.once('disconnect', () => process.exit(0));
