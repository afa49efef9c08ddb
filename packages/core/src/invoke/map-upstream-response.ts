import type { JsonValue } from '../json-value.js';

/** What a caller of invoke receives when the upstream call was made. */
export interface InvokeResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: JsonValue | { readonly base64: string; readonly contentType: string };
}

/**
 * Headers that describe this hop or the raw encoding rather than the resource (RFC 9110 §7.6.1),
 * plus cookies, which belong to Switchboard's session with the upstream, not to the caller.
 */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'set-cookie2',
  // fetch has already decoded the body, so these no longer describe what we return.
  'content-encoding',
  'content-length',
]);

const isJson = (type: string) => /^application\/([a-z0-9.+-]*\+)?json\b/i.test(type) || /\+json\b/i.test(type);
const isText = (type: string) => /^text\//i.test(type) || /^application\/(xml|javascript|x-www-form-urlencoded|[a-z0-9.+-]*\+xml)\b/i.test(type);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Turn an upstream response into `{status, headers, body}`: JSON parsed, text as text, else base64. */
export async function mapUpstreamResponse(response: Response): Promise<InvokeResult> {
  const headers: Record<string, string> = {};
  // Fields a `Connection` header names are hop-by-hop too (RFC 9110 §7.6.1).
  const connection = response.headers.get('connection');
  const named = connection === null ? null : new Set(connection.split(',').map((v) => v.trim().toLowerCase()));
  response.headers.forEach((value, name) => {
    if (!DROPPED.has(name) && named?.has(name) !== true) headers[name] = value;
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers, body: decodeBody(bytes, response.headers.get('content-type') ?? '') };
}

function decodeBody(bytes: Uint8Array, contentType: string): InvokeResult['body'] {
  if (bytes.byteLength === 0) return null;
  let text: string | null = null;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = null;
  }
  if (text !== null && isJson(contentType)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  if (text !== null && (isText(contentType) || contentType === '')) return text;
  return { base64: Buffer.from(bytes).toString('base64'), contentType: contentType || 'application/octet-stream' };
}
