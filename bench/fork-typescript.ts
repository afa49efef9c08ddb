import { fork, type ChildProcess } from 'node:child_process';

/**
 * Forks a TypeScript module of the bench as a child process with an IPC channel. The child gets
 * tsx and nothing else from our command line: a `--cpu-prof` given to the bench must profile the
 * server process only, not the load generator or the upstream.
 */
export function forkTypeScript(module: URL): ChildProcess {
  return fork(module, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The next IPC message of `child` that `accept` recognises; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => message is T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (!accept(message)) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      reject(new Error(`bench child exited (code ${code}, signal ${signal}) before answering`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** A type guard for `{ type: <name>, ... }` IPC messages. */
export function messageOfType<T extends { type: string }>(type: T['type']) {
  return (message: unknown): message is T =>
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
