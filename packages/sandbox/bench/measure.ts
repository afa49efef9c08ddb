/**
 * Measures the sandbox: cold start (first run on a fresh pool, process start included), warm run
 * latency of a trivial function, and the overhead of one invokeConnector round trip through IPC
 * with a host that answers at once. Run: node --import tsx packages/sandbox/bench/measure.ts
 */
import { createSandboxPool } from '../src/index.js';
import type { SandboxHost, SandboxLimits } from '../src/index.js';

const limits: SandboxLimits = { timeoutMs: 10_000, memoryMb: 64, maxConnectorCalls: 1_000, maxOutputBytes: 1 << 20 };
const host: SandboxHost = { invokeConnector: async () => ({ status: 200, headers: {}, body: { ok: true } }) };
const trivial = 'export async function main(args) { return args.n + 1; }';
const calls = 200;
const invoking = `export async function main() { for (let i = 0; i < ${calls}; i++) await invokeConnector('acme.ping', { i }); return 1; }`;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number): string => `${value.toFixed(2)} ms`;

const coldStart = performance.now();
const pool = createSandboxPool({ size: 1 });
await pool.run({ source: trivial, args: { n: 1 }, context: {}, limits }, host);
const cold = performance.now() - coldStart;

const warm: number[] = [];
for (let index = 0; index < 200; index += 1) {
  const started = performance.now();
  await pool.run({ source: trivial, args: { n: index }, context: {}, limits }, host);
  warm.push(performance.now() - started);
}

const baseline: number[] = [];
const withCalls: number[] = [];
for (let round = 0; round < 10; round += 1) {
  let started = performance.now();
  await pool.run({ source: 'export async function main() { for (let i = 0; i < 0; i++) {} return 1; }', args: {}, context: {}, limits }, host);
  baseline.push(performance.now() - started);
  started = performance.now();
  const outcome = await pool.run({ source: invoking, args: {}, context: {}, limits }, host);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  withCalls.push(performance.now() - started);
}
await pool.close();

const perCall = (percentile(withCalls, 50) - percentile(baseline, 50)) / calls;
console.log(`cold start (fresh pool, first run): ${ms(cold)}`);
console.log(`warm trivial run: p50 ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}, p99 ${ms(percentile(warm, 99))}`);
console.log(`invokeConnector round trip through IPC (trivial host): ${ms(perCall)} per call (median of 10 runs x ${calls} calls)`);
