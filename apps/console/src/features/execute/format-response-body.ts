/** How the Execute panel shows an upstream response body. */
export type FormattedBody =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary'; readonly contentType: string; readonly bytes: number };

const isBinary = (body: unknown): body is { base64: string; contentType: string } =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  Object.keys(body).length === 2 &&
  typeof (body as { base64?: unknown }).base64 === 'string' &&
  typeof (body as { contentType?: unknown }).contentType === 'string';

/** Decoded size of base64 text (without decoding it). */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/**
 * The invoke result's `body` for people: JSON pretty-printed with two spaces, text as is,
 * binary (`{base64, contentType}`, what the server answers for non-text content) as its type
 * and size, and nothing as "empty". The server answers `null` for an empty upstream body (and a
 * literal JSON `null` is never worth more than "empty" to a person), so `null` is empty.
 */
export function formatResponseBody(body: unknown): FormattedBody {
  if (body === undefined || body === null || body === '') return { kind: 'empty' };
  if (typeof body === 'string') return { kind: 'text', text: body };
  if (isBinary(body)) return { kind: 'binary', contentType: body.contentType, bytes: base64Bytes(body.base64) };
  return { kind: 'json', text: JSON.stringify(body, null, 2) };
}

/** 1234 → "1.2 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
