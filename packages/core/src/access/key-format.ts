import { randomBytes } from 'node:crypto';
import { orgIdSchema } from '@switchboard/contracts';
import { randomToken } from '../security/random-token.js';

/** `sbo_`: an org key. `sbs_`: an SDK session token. */
export type CredentialKind = 'org_key' | 'session';

const prefixes: Record<CredentialKind, string> = { org_key: 'sbo_', session: 'sbs_' };

/** Ids are 16 lowercase hex characters: safe in a URL path and free of the `.` separator. */
const idPattern = /^[0-9a-f]{16}$/;
/** base64url of 32 random bytes. */
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/** Org ids (`^[a-z0-9][a-z0-9_-]{1,62}$`) contain no `.`, so they can lead a session token. */
const isOrgId = (value: string): boolean => orgIdSchema.safeParse(value).success;

/**
 * A parsed credential. An org key is `sbo_<id>.<secret>`; an SDK session token is
 * `sbs_<org>.<id>.<secret>`.
 */
export type ParsedCredential =
  | {
      readonly kind: 'org_key';
      /** Looked up in the store; not secret (shown in key lists as part of the prefix). */
      readonly id: string;
      /** Compared only as a SHA-256 digest, in constant time. */
      readonly secret: string;
    }
  | {
      readonly kind: 'session';
      /**
       * The org the token claims. Not secret and not trusted on its own: the session is found by
       * `id`, and the token is refused unless this equals the stored session's org.
       */
      readonly org: string;
      /** Looked up in the store; not secret. */
      readonly id: string;
      /** Compared only as a SHA-256 digest, in constant time. */
      readonly secret: string;
    };

/** A fresh credential: its id and 256-bit secret, and the text handed to the caller once. */
export interface NewCredential {
  readonly id: string;
  readonly secret: string;
  /** The whole credential: `<prefix>.<secret>`. */
  readonly token: string;
  /** Everything before the secret (`sbo_<id>`, `sbs_<org>.<id>`): not secret. */
  readonly prefix: string;
}

export const isCredentialId = (value: string): boolean => idPattern.test(value);

/**
 * A fresh id and 256-bit secret. An org key is `sbo_<id>.<secret>`. An SDK session token is
 * `sbs_<org>.<id>.<secret>`: the org is spelled out because every route a widget calls is
 * `/v1/orgs/{org}/…`, so the browser SDK needs the org and can now read it from the token
 * instead of asking the page for it. The server does not trust that part (see
 * {@link parseCredential}).
 *
 * @throws Error for a session of a string that is not an org id (a programming error: such a
 *   token could never be parsed back).
 */
export function newCredential(kind: 'org_key'): NewCredential;
export function newCredential(kind: 'session', org: string): NewCredential;
export function newCredential(kind: CredentialKind, org?: string): NewCredential {
  const id = randomBytes(8).toString('hex');
  const secret = randomToken(32);
  let prefix = `${prefixes.org_key}${id}`;
  if (kind === 'session') {
    if (org === undefined || !isOrgId(org)) throw new Error('newCredential: a session token needs a valid org id');
    prefix = `${prefixes.session}${org}.${id}`;
  }
  return { id, secret, token: `${prefix}.${secret}`, prefix };
}

/**
 * Split `sbo_<id>.<secret>` / `sbs_<org>.<id>.<secret>`; undefined for anything else (malformed),
 * including a session token in the older `sbs_<id>.<secret>` shape or with an invalid org part.
 *
 * A session token's org is only a claim: whoever verifies it must look the session up by id,
 * compare the secret, and refuse the token when the claimed org is not the session's own.
 */
export function parseCredential(token: string): ParsedCredential | undefined {
  if (token.startsWith(prefixes.org_key)) {
    const parts = token.slice(prefixes.org_key.length).split('.');
    if (parts.length !== 2) return undefined;
    const [id, secret] = parts as [string, string];
    return idPattern.test(id) && secretPattern.test(secret) ? { kind: 'org_key', id, secret } : undefined;
  }
  if (token.startsWith(prefixes.session)) {
    const parts = token.slice(prefixes.session.length).split('.');
    if (parts.length !== 3) return undefined;
    const [org, id, secret] = parts as [string, string, string];
    return isOrgId(org) && idPattern.test(id) && secretPattern.test(secret) ? { kind: 'session', org, id, secret } : undefined;
  }
  return undefined;
}
