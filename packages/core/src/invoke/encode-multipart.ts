import { randomBytes } from 'node:crypto';
import type { RenderedPart } from './rendered-request.js';

/**
 * Escape a field name or filename for a Content-Disposition parameter the way browsers do
 * (WHATWG HTML "multipart/form-data encoding algorithm"): `"` → %22, CR → %0D, LF → %0A.
 */
const escapeParam = (value: string): string => value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * Encode parts as multipart/form-data (RFC 7578) into one buffer. Buffered rather than streamed
 * on purpose: after an upstream 401 the request is sent again with a refreshed token, so the body
 * must be replayable. File bytes are copied as they are (no base64 inflation).
 */
export function encodeMultipart(parts: readonly RenderedPart[]): { contentType: string; bytes: Uint8Array } {
  const boundary = `----SwitchboardBoundary${randomBytes(16).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeParam(part.name)}"`;
    if ('bytes' in part) {
      const type = /^[^\r\n]+$/.test(part.contentType) ? part.contentType : 'application/octet-stream';
      head += `; filename="${escapeParam(part.filename)}"\r\nContent-Type: ${type}\r\n\r\n`;
      chunks.push(Buffer.from(head, 'utf8'), Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength), Buffer.from('\r\n'));
    } else {
      head += '\r\n\r\n';
      chunks.push(Buffer.from(head, 'utf8'), Buffer.from(part.value, 'utf8'), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}
