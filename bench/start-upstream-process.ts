import { forkTypeScript, messageOfType, nextMessage } from './fork-typescript.js';
import type { UpstreamReply } from './upstream-process.js';
import type { UpstreamCounters } from './upstream-server.js';

type Reply<T extends UpstreamReply['type']> = Extract<UpstreamReply, { type: T }>;

/** The upstream, running in a child process, seen from the orchestrator. */
export interface UpstreamProcess {
  readonly url: string;
  /** Counters since the last reset, and the upstream's CPU time (ms) since then. */
  counters(): Promise<UpstreamCounters & { cpuMs: number }>;
  resetCounters(): Promise<void>;
  close(): Promise<void>;
}

/** Forks `upstream-process.ts` and waits until it listens. */
export async function startUpstreamProcess(): Promise<UpstreamProcess> {
  const child = forkTypeScript(new URL('./upstream-process.ts', import.meta.url));
  const ready = await nextMessage(child, messageOfType<Reply<'ready'>>('ready'));
  let cpuAtReset = 0;
  return {
    url: ready.url,
    async counters() {
      const reply = nextMessage(child, messageOfType<Reply<'counters'>>('counters'));
      child.send({ type: 'counters' });
      const { counters, cpuMicros } = await reply;
      return { ...counters, cpuMs: (cpuMicros - cpuAtReset) / 1000 };
    },
    async resetCounters() {
      const reply = nextMessage(child, messageOfType<Reply<'reset'>>('reset'));
      child.send({ type: 'reset' });
      cpuAtReset = (await reply).cpuMicros;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
