import { randomFillSync } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Ids that grow with
 * time go into a B-tree index at its right edge; random (v4) ids scatter every batch of audit
 * events across the whole index, and the cost of inserting grows with the table.
 */
export function uuidV7(at: Date): string {
  const bytes = randomFillSync(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(at.getTime()));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // variant 10 (RFC 9562 §4.1)
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
