import { endpoints, invokeDataSchema } from '@switchboard/contracts';
import { normalizeInvokeData, SwitchboardError, type InvokeService, type JsonValue, type NormalizedInvokeData } from '@switchboard/core';
import type { Hono } from 'hono';
import { actorOf } from '../principal.js';
import { on } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

const contentTypes = new Set(['multipart', 'json', 'form', 'raw']);

/**
 * The same request with a body that errors once more than `maxBytes` arrived, so a chunked
 * upload without Content-Length cannot make `formData()` buffer without bound. The body is
 * buffered after this (up to the cap) on purpose: a 401 → refresh → retry must resend it.
 */
function cappedRequest(request: Request, maxBytes: number): Request {
  if (!request.body) return request;
  let seen = 0;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(new SwitchboardError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`));
      else controller.enqueue(chunk);
    },
  });
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body.pipeThrough(limit), duplex: 'half' } as RequestInit);
}

/**
 * multipart/form-data form of the data object: `VARIABLES` (JSON text), `CONTENT_TYPE`, `FILE`
 * (a file), and every other field becomes a part in order, files keeping filename and type. The
 * browser SDK sends files this way, without base64 inflation.
 */
async function readMultipart(request: Request, maxBytes: number): Promise<NormalizedInvokeData> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new SwitchboardError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
  let form: FormData;
  try {
    form = await cappedRequest(request, maxBytes).formData();
  } catch (error) {
    if (error instanceof SwitchboardError) throw error;
    throw new SwitchboardError('validation_failed', 'The multipart body could not be parsed.', { details: { errors: [{ path: 'body', message: 'invalid multipart/form-data' }] } });
  }
  let variables: Record<string, JsonValue> = {};
  let contentType: NormalizedInvokeData['contentType'];
  let file: NormalizedInvokeData['file'];
  const parts: Array<NormalizedInvokeData['parts'][number]> = [];
  let total = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      total += value.length;
      if (name === 'VARIABLES') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = undefined;
        }
        variables = parseWith(invokeDataSchema.shape.VARIABLES.unwrap(), parsed, 'body') as Record<string, JsonValue>;
      } else if (name === 'CONTENT_TYPE') {
        if (!contentTypes.has(value)) parseWith(invokeDataSchema.shape.CONTENT_TYPE, value, 'body');
        contentType = value as NormalizedInvokeData['contentType'];
      } else {
        parts.push({ name, value });
      }
      continue;
    }
    const bytes = new Uint8Array(await value.arrayBuffer());
    total += bytes.byteLength;
    const filePart = { name: name === 'FILE' ? 'file' : name, filename: value.name || 'file', contentType: value.type || 'application/octet-stream', bytes };
    if (name === 'FILE') file = filePart;
    else parts.push(filePart);
  }
  if (total > maxBytes) throw new SwitchboardError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
  // Like the JSON form: without CONTENT_TYPE the API's own body type decides how the upstream
  // request is encoded (how the caller's request was encoded says nothing about that).
  return { variables, parts, ...(contentType === undefined ? {} : { contentType }), ...(file ? { file } : {}) };
}

export function invokeRoutes(app: Hono, invoke: InvokeService, maxBytes: number): void {
  on(app, endpoints.invoke, async (c) => {
    const target = c.req.param('target') ?? '';
    const dot = target.indexOf('.');
    if (dot <= 0 || dot === target.length - 1) {
      throw new SwitchboardError('not_found', 'Invoke `<connector>.<api>`, e.g. `acme.listcontacts`.');
    }
    const isMultipart = /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');
    const data = isMultipart ? await readMultipart(c.req.raw, maxBytes) : normalizeInvokeData(await readJson(c, invokeDataSchema, maxBytes));
    const result = await invoke.invoke({ orgId: c.req.param('org')!, connectorApiName: target.slice(0, dot), apiName: target.slice(dot + 1), data, actor: actorOf(c) });
    return c.json(result, 200);
  });
}
