import type { IncomingMessage } from 'node:http';
import { SwitchboardError } from '@switchboard/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { nodeIncoming, payloadTooLarge, readNodeRequestBody } from './node-request-body.js';

/** zod issues → `validation_failed` with one entry per failing field (unknown fields named). */
export function validationError(error: z.ZodError, where: 'body' | 'query' | 'path'): SwitchboardError {
  const errors = error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${base}.${key}`, message: 'unknown field' }));
    return [{ path: base, message: issue.message }];
  });
  return new SwitchboardError('validation_failed', `The request ${where} is invalid.`, { details: { errors } });
}

/** Deeper JSON than any real request needs; zod's recursive schemas (z.json) overflow the stack far below JSON.parse's limit. */
export const maxJsonDepth = 64;

/** Whether a parsed JSON value nests deeper than `max` (iterative, so it cannot overflow itself). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: 'body' | 'query' | 'path'): z.infer<T> {
  if (nestsDeeperThan(value, maxJsonDepth)) {
    throw new SwitchboardError('validation_failed', `The request ${where} is invalid.`, {
      details: { errors: [{ path: where, message: `nested deeper than ${maxJsonDepth} levels` }] },
    });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/**
 * Read a capped request body as text: from the Node request when there is one (see
 * `readNodeRequestBody`), else from the web Request's stream.
 */
export async function readBodyText(request: Request, maxBytes: number, incoming?: IncomingMessage): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (incoming !== undefined) return (await readNodeRequestBody(incoming, maxBytes)).toString('utf8');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const isJsonType = (contentType: string | null) => contentType !== null && /^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType);

/**
 * Read and validate a JSON body. An empty body counts as `{}` (routes whose fields are all
 * optional); anything else must be declared JSON.
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const request = c.req.raw;
  const text = await readBodyText(request, maxBytes, nodeIncoming(c));
  if (text.trim() === '') return parseWith(schema, {}, 'body');
  if (!isJsonType(request.headers.get('content-type'))) {
    throw new SwitchboardError('unsupported_media_type', 'Send the body as application/json.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SwitchboardError('validation_failed', 'The request body is not valid JSON.', { details: { errors: [{ path: 'body', message: 'invalid JSON' }] } });
  }
  return parseWith(schema, value, 'body');
}
