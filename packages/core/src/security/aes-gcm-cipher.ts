import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Cipher } from '../ports/cipher.js';

/** One AES-256 key with the id written into every ciphertext it produces. */
export interface CipherKey {
  readonly id: string;
  readonly key: Uint8Array;
}

const FORMAT = 'sb1';
const IV_BYTES = 12; // NIST SP 800-38D §8.2: 96-bit IVs, random per message
const TAG_BYTES = 16;

/** A short, stable key id derived from the key itself, so operators need not name keys. */
export const keyIdOf = (key: Uint8Array): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/**
 * AES-256-GCM with the key id in the ciphertext (`sb1.<kid>.<iv>.<ct+tag>`, base64url) so keys can
 * be rotated: `keys[0]` encrypts, every listed key decrypts. `context` is the GCM additional
 * authenticated data, binding a ciphertext to the row and field it was written for.
 */
export function createAesGcmCipher(keys: readonly CipherKey[]): Cipher {
  const [current] = keys;
  if (!current) throw new Error('createAesGcmCipher needs at least one key');
  for (const k of keys) if (k.key.length !== 32) throw new Error(`key ${k.id} is not 32 bytes`);
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${FORMAT}.${current.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(ciphertext, context) {
      const [format, kid, ivText, bodyText, extra] = ciphertext.split('.');
      if (format !== FORMAT || !kid || !ivText || !bodyText || extra !== undefined) throw new Error('malformed ciphertext');
      const key = byId.get(kid);
      if (!key) throw new Error(`unknown encryption key id ${kid}`);
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('malformed ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      const plaintext = decipher.update(body.subarray(0, body.length - TAG_BYTES));
      // GCM is a stream mode: final() adds no bytes; it checks the tag (and throws if it fails).
      decipher.final();
      return plaintext.toString('utf8');
    },
  };
}
