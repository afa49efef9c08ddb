import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAesGcmCipher, keyIdOf } from './aes-gcm-cipher.js';

const key = (bytes = randomBytes(32)) => ({ id: keyIdOf(bytes), key: bytes });

describe('createAesGcmCipher', () => {
  it('round-trips and never shows the plaintext', () => {
    const cipher = createAesGcmCipher([key()]);
    const sealed = cipher.encrypt('canary-secret-123', 'ctx');
    expect(sealed).not.toContain('canary');
    expect(cipher.decrypt(sealed, 'ctx')).toBe('canary-secret-123');
  });

  it('uses a fresh IV every time', () => {
    const cipher = createAesGcmCipher([key()]);
    expect(cipher.encrypt('same', 'ctx')).not.toBe(cipher.encrypt('same', 'ctx'));
  });

  it('refuses a ciphertext moved to another context', () => {
    const cipher = createAesGcmCipher([key()]);
    const sealed = cipher.encrypt('token', 'connection:a:access_token');
    expect(() => cipher.decrypt(sealed, 'connection:b:access_token')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = createAesGcmCipher([key()]);
    const sealed = cipher.encrypt('token', 'ctx');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'ctx')).toThrow();
  });

  it('decrypts with an older key after rotation and encrypts with the newest', () => {
    const oldKey = key();
    const newKey = key();
    const before = createAesGcmCipher([oldKey]).encrypt('v', 'ctx');
    const rotated = createAesGcmCipher([newKey, oldKey]);
    expect(rotated.decrypt(before, 'ctx')).toBe('v');
    expect(rotated.encrypt('v', 'ctx').split('.')[1]).toBe(newKey.id);
    expect(() => createAesGcmCipher([newKey]).decrypt(before, 'ctx')).toThrow(/unknown encryption key/);
  });

  it('rejects keys of the wrong size', () => {
    expect(() => createAesGcmCipher([{ id: 'x', key: randomBytes(16) }])).toThrow(/32 bytes/);
  });
});
