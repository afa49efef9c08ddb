import { describe, expect, it } from 'vitest';
import { newCredential, parseCredential } from './key-format.js';

describe('credential format', () => {
  it('round-trips org keys: sbo_ <16 hex id> . <256-bit base64url secret>', () => {
    const credential = newCredential('org_key');
    expect(credential.token).toMatch(/^sbo_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(credential.secret, 'base64url')).toHaveLength(32);
    expect(credential.token).toBe(`${credential.prefix}.${credential.secret}`);
    expect(parseCredential(credential.token)).toEqual({ kind: 'org_key', id: credential.id, secret: credential.secret });
  });

  it('round-trips session tokens, which name their org: sbs_ <org> . <16 hex id> . <256-bit base64url secret>', () => {
    for (const org of ['dev', 'acme-customer', '0a', 'a_b-c', `a${'z'.repeat(62)}`]) {
      const credential = newCredential('session', org);
      expect(credential.token).toMatch(/^sbs_[a-z0-9][a-z0-9_-]{1,62}\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      expect(credential.prefix).toBe(`sbs_${org}.${credential.id}`);
      expect(credential.token).toBe(`${credential.prefix}.${credential.secret}`);
      expect(Buffer.from(credential.secret, 'base64url')).toHaveLength(32);
      expect(parseCredential(credential.token)).toEqual({ kind: 'session', org, id: credential.id, secret: credential.secret });
    }
  });

  it('will not mint a session token for something that is not an org id', () => {
    for (const org of ['', 'a', 'Dev', 'a.b', '-dev', 'dev/x', `a${'z'.repeat(63)}`]) {
      expect(() => newCredential('session', org), org).toThrow();
    }
  });

  it('fresh ids and secrets every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newCredential('org_key').token));
    expect(tokens.size).toBe(100);
    const sessions = new Set(Array.from({ length: 100 }, () => newCredential('session', 'dev').token));
    expect(sessions.size).toBe(100);
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
      `sbo_dev.${id}.${secret}`, // an org key names no org
      'test-admin-key-0123456789abcdef',
    ]) {
      expect(parseCredential(token), token).toBeUndefined();
    }
  });

  it('refuses malformed session tokens, the org part included', () => {
    const { id, secret } = newCredential('session', 'dev');
    for (const token of [
      'sbs_',
      `sbs_${id}.${secret}`, // the older shape, without an org
      `sbs_.${id}.${secret}`,
      `sbs_d.${id}.${secret}`, // one character: too short for an org id
      `sbs_Dev.${id}.${secret}`,
      `sbs_-dev.${id}.${secret}`,
      `sbs_dev!.${id}.${secret}`,
      `sbs_dev%2e.${id}.${secret}`,
      `sbs_a${'z'.repeat(63)}.${id}.${secret}`, // 64 characters: too long
      `sbs_dev.x.${id}.${secret}`,
      `sbs_dev..${id}.${secret}`,
      `sbs_dev.${id}`,
      `sbs_dev.${id}.`,
      `sbs_dev.${id.toUpperCase()}.${secret}`,
      `sbs_dev.${id}.${secret}x`,
      `sbs_dev.${id}.${secret}.${secret}`,
      `sbs_dev.${secret}`,
    ]) {
      expect(parseCredential(token), token).toBeUndefined();
    }
  });
});
