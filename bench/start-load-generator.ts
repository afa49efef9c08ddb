import { forkTypeScript, messageOfType, nextMessage } from './fork-typescript.js';
import type { LoadReply, LoadRequest } from './load-generator-process.js';
import type { LoadSummary } from './load-summary.js';

type Reply<T extends LoadReply['type']> = Extract<LoadReply, { type: T }>;
const isFinal = (message: unknown): message is Reply<'result'> | Reply<'failed'> =>
  messageOfType<Reply<'result'>>('result')(message) || messageOfType<Reply<'failed'>>('failed')(message);

export interface RunLoadHooks {
  /** Called when the warm-up is over and the measured run starts (e.g. to start a profiler). */
  onMeasuring?(): Promise<void> | void;
}

/** autocannon in a child process, seen from the orchestrator; one run at a time. */
export interface LoadGenerator {
  run(request: Omit<LoadRequest, 'type'>, hooks?: RunLoadHooks): Promise<LoadSummary>;
  close(): Promise<void>;
}

/**
 * Forks `load-generator-process.ts` once for the whole bench: the same warm (JIT-compiled)
 * autocannon drives every scenario and round, so no scenario pays a cold load generator.
 */
export function startLoadGenerator(): LoadGenerator {
  const child = forkTypeScript(new URL('./load-generator-process.ts', import.meta.url));
  return {
    async run(request, hooks = {}) {
      const measuring = nextMessage(child, messageOfType<Reply<'measuring'>>('measuring'));
      const final = nextMessage(child, isFinal);
      // A run that fails before measuring answers `failed` and leaves `measuring` pending (or
      // rejected when the child exits): it must not surface on its own.
      measuring.catch(() => undefined);
      child.send({ type: 'run', ...request } satisfies LoadRequest);
      const first = await Promise.race([measuring, final]);
      if (first.type === 'measuring') await hooks.onMeasuring?.();
      const reply = await final;
      if (reply.type === 'failed') throw new Error(`load generator failed: ${reply.message}`);
      return reply.summary;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
