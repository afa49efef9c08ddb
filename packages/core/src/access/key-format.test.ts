import { describe, expect, it } from 'vitest';
import { newCredential, parseCredential } from './key-format.js';

describe('credential format', () => {
  it('round-trips org keys and session tokens: sbo_/sbs_ <16 hex id> . <256-bit base64url secret>', () => {
    for (const kind of ['org_key', 'session'] as const) {
      const credential = newCredential(kind);
      expect(credential.token).toMatch(kind === 'org_key' ? /^sbo_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/ : /^sbs_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(credential.secret, 'base64url')).toHaveLength(32);
      expect(credential.token.startsWith(`${credential.prefix}.`)).toBe(true);
      expect(parseCredential(credential.token)).toEqual({ kind, id: credential.id, secret: credential.secret });
    }
  });

  it('fresh ids and secrets every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newCredential('org_key').token));
    expect(tokens.size).toBe(100);
  });

  it('refuses anything else as malformed', () => {
    const { id, secret } = newCredential('org_key');
    for (const token of [
      '',
      'sbo_',
      `sbo_${id}`,
      `sbo_${id}.`,
      `sbo_${id}.${secret}x`,
      `sbo_${id}.${secret.slice(1)}`,
      `sbo_${id.toUpperCase()}.${secret}`,
      `sbo_${id}0.${secret}`,
      `sbx_${id}.${secret}`,
      `SBK_${id}.${secret}`,
      `sbo_${id}.${secret.slice(0, -1)}=`,
      `sbo_${id}.${secret}.${secret}`,
      'test-admin-key-0123456789abcdef',
    ]) {
      expect(parseCredential(token), token).toBeUndefined();
    }
  });
});
