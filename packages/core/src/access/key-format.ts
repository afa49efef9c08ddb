import { randomBytes } from 'node:crypto';
import { randomToken } from '../security/random-token.js';

/** `sbo_`: an org key. `sbs_`: an SDK session token. */
export type CredentialKind = 'org_key' | 'session';

const prefixes: Record<CredentialKind, string> = { org_key: 'sbo_', session: 'sbs_' };

/** Ids are 16 lowercase hex characters: safe in a URL path and free of the `.` separator. */
const idPattern = /^[0-9a-f]{16}$/;
/** base64url of 32 random bytes. */
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export interface ParsedCredential {
  readonly kind: CredentialKind;
  /** Looked up in the store; not secret (shown in key lists as part of the prefix). */
  readonly id: string;
  /** Compared only as a SHA-256 digest, in constant time. */
  readonly secret: string;
}

export const isCredentialId = (value: string): boolean => idPattern.test(value);

/** A fresh id and 256-bit secret, and the credential text handed to the caller once. */
export function newCredential(kind: CredentialKind): { id: string; secret: string; token: string; prefix: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomToken(32);
  const prefix = `${prefixes[kind]}${id}`;
  return { id, secret, token: `${prefix}.${secret}`, prefix };
}

/** Split `sbo_<id>.<secret>` / `sbs_<id>.<secret>`; undefined for anything else (malformed). */
export function parseCredential(token: string): ParsedCredential | undefined {
  for (const kind of ['org_key', 'session'] as const) {
    const prefix = prefixes[kind];
    if (!token.startsWith(prefix)) continue;
    const rest = token.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    const id = rest.slice(0, dot);
    const secret = rest.slice(dot + 1);
    return idPattern.test(id) && secretPattern.test(secret) ? { kind, id, secret } : undefined;
  }
  return undefined;
}
