import { isParentMessage, type ChildMessage, type InvokeReply } from '../protocol.js';
import { runInIsolate } from './run-in-isolate.js';

/**
 * A sandbox worker process: runs the functions the pool sends, one isolate per run, and relays
 * their `invokeConnector` calls back to the pool. It exits with its parent.
 */
const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const pendingCalls = new Map<number, (reply: InvokeReply) => void>();
let nextCallId = 0;

process.on('message', (message: unknown) => {
  if (!isParentMessage(message)) return;
  if (message.type === 'invoke-result') {
    const resolve = pendingCalls.get(message.callId);
    pendingCalls.delete(message.callId);
    resolve?.(message.reply);
    return;
  }
  const { runId } = message;
  const relay = (target: string, dataJson: string): Promise<InvokeReply> =>
    new Promise((resolve) => {
      nextCallId += 1;
      pendingCalls.set(nextCallId, resolve);
      send({ type: 'invoke', runId, callId: nextCallId, target, dataJson });
    });
  runInIsolate(message, relay).then(
    (outcome) => send({ type: 'done', runId, outcome }),
    (error: unknown) => {
      process.stderr.write(`sandbox run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      send({ type: 'done', runId, outcome: { ok: false, error: { code: 'function_error', message: 'The sandbox could not run the function' }, logs: [], durationMs: 0, connectorCalls: 0 } });
    },
  );
});

process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
