import type { SandboxLimits, SandboxOutcome } from './sandbox-types.js';

/**
 * IPC between the pool (parent) and a worker process (child). Values cross as JSON text so that
 * what the guest sees is exactly what JSON can carry, whichever serialization the channel uses.
 */
export type ParentMessage =
  | { type: 'run'; runId: number; source: string; argsJson: string; contextJson: string; limits: SandboxLimits }
  | { type: 'invoke-result'; runId: number; callId: number; reply: InvokeReply };

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'invoke'; runId: number; callId: number; target: string; dataJson: string }
  | { type: 'done'; runId: number; outcome: SandboxOutcome };

/** The answer to one `invokeConnector` call, as the guest runtime parses it. */
export type InvokeReply = { ok: true; valueJson: string } | { ok: false; message: string; code?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isChildMessage(value: unknown): value is ChildMessage {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'ready':
      return true;
    case 'invoke':
      return typeof value['runId'] === 'number' && typeof value['callId'] === 'number' && typeof value['target'] === 'string' && typeof value['dataJson'] === 'string';
    case 'done':
      return typeof value['runId'] === 'number' && isObject(value['outcome']);
    default:
      return false;
  }
}

export function isParentMessage(value: unknown): value is ParentMessage {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'run':
      return typeof value['runId'] === 'number' && typeof value['source'] === 'string' && typeof value['argsJson'] === 'string' && typeof value['contextJson'] === 'string' && isObject(value['limits']);
    case 'invoke-result':
      return typeof value['runId'] === 'number' && typeof value['callId'] === 'number' && isObject(value['reply']);
    default:
      return false;
  }
}
