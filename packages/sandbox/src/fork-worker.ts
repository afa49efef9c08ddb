import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./child/child-entry.js', import.meta.url));

/**
 * Starts one sandbox worker process. isolated-vm 5 on Node 20+ needs `--no-node-snapshot`; the
 * child gets that and nothing else from our command line, and an environment without the
 * server's variables (keys live there) as defence in depth: the guest cannot reach `process`
 * anyway.
 */
export function forkWorker(): ChildProcess {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '' };
  if (process.env['NODE_ENV'] !== undefined) env['NODE_ENV'] = process.env['NODE_ENV'];
  return fork(entry, [], {
    execArgv: ['--no-node-snapshot'],
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
}
