import type { JsonValue } from '../json-value.js';

/** A usable token response, normalised from whatever the provider sent. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly tokenType: string | null;
  /** Seconds, after clamping; null when the provider gave no usable lifetime. */
  readonly expiresIn: number | null;
  /** Scopes granted, when the provider said (RFC 6749 §5.1: else the requested ones apply). */
  readonly scopes: readonly string[] | null;
  /** Every other field of the response (e.g. `instance_url`, `id_token`): kept, encrypted. */
  readonly fields: Readonly<Record<string, JsonValue>>;
}

/** Why a token request failed, in terms the caller acts on. */
export type TokenFailure =
  /** RFC 6749 §5.2 `invalid_grant`: the code or refresh token is dead. Re-authorize; never retry. */
  | { readonly kind: 'invalid_grant'; readonly error: string; readonly description: string | null }
  /** 5xx, 429: try again later; the grant may still be fine. */
  | { readonly kind: 'transient'; readonly status: number; readonly error: string | null }
  /** Any other refusal or an unusable body (no access token, unparseable). */
  | { readonly kind: 'rejected'; readonly status: number; readonly error: string | null; readonly description: string | null };

export type TokenOutcome = { readonly ok: true; readonly tokens: TokenSet } | { readonly ok: false; readonly failure: TokenFailure };

export const MIN_EXPIRES_IN_SECONDS = 30;
export const MAX_EXPIRES_IN_SECONDS = 366 * 24 * 3600;
const KNOWN = new Set(['access_token', 'refresh_token', 'token_type', 'expires_in', 'scope']);
const MAX_BODY_CHARS = 256 * 1024;

/**
 * Parse a token endpoint response (RFC 6749 §5.1 / §5.2), tolerant of common provider quirks:
 * form-encoded bodies, `expires_in` as a numeric string, missing or absurd lifetimes (clamped),
 * comma-separated scopes, and errors returned with status 200.
 */
export async function processTokenResponse(response: Response, scopeSeparator: string): Promise<TokenOutcome> {
  const text = await readCapped(response);
  const body = parseBody(text, response.headers.get('content-type'));
  const error = typeof body?.['error'] === 'string' ? body['error'] : null;
  const description = typeof body?.['error_description'] === 'string' ? body['error_description'].slice(0, 500) : null;

  if (response.status >= 500 || response.status === 429) {
    return { ok: false, failure: { kind: 'transient', status: response.status, error } };
  }
  if (error === 'invalid_grant') return { ok: false, failure: { kind: 'invalid_grant', error, description } };
  if (response.status < 200 || response.status > 299 || error !== null || body === null) {
    return { ok: false, failure: { kind: 'rejected', status: response.status, error, description } };
  }
  const accessToken = body['access_token'];
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    return { ok: false, failure: { kind: 'rejected', status: response.status, error: 'missing_access_token', description: null } };
  }

  const fields: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(body)) if (!KNOWN.has(name)) fields[name] = value;
  const refreshToken = body['refresh_token'];
  const tokenType = body['token_type'];
  const scope = body['scope'];
  return {
    ok: true,
    tokens: {
      accessToken,
      refreshToken: typeof refreshToken === 'string' && refreshToken.length > 0 ? refreshToken : null,
      tokenType: typeof tokenType === 'string' ? tokenType : null,
      expiresIn: normaliseExpiresIn(body['expires_in']),
      scopes: typeof scope === 'string' ? splitScopes(scope, scopeSeparator) : null,
      fields,
    },
  };
}

/** `expires_in` may be a number, a numeric string, missing, zero or absurd; clamp to a sane range. */
export function normaliseExpiresIn(value: JsonValue | undefined): number | null {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return Math.min(Math.max(Math.floor(seconds), MIN_EXPIRES_IN_SECONDS), MAX_EXPIRES_IN_SECONDS);
}

/** RFC 6749 §3.3 says space-delimited; some providers use their own separator or commas. */
export function splitScopes(scope: string, separator: string): string[] {
  const parts = scope.split(separator === ' ' ? /[\s,]+/ : new RegExp(`[\\s,]+|${escapeRegExp(separator)}`));
  return [...new Set(parts.filter((part) => part.length > 0))];
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function readCapped(response: Response): Promise<string> {
  const text = await response.text();
  return text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text;
}

function parseBody(text: string, contentType: string | null): Record<string, JsonValue> | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  const looksJson = contentType?.includes('json') || trimmed.startsWith('{');
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return isRecord(parsed) ? parsed : null;
    } catch {
      if (contentType?.includes('json')) return null;
    }
  }
  // Some providers (notably older GitHub-style endpoints) answer application/x-www-form-urlencoded.
  if (!trimmed.includes('=')) return null;
  const params = new URLSearchParams(trimmed);
  const record: Record<string, JsonValue> = {};
  for (const [name, value] of params) record[name] = value;
  return record;
}

const isRecord = (value: unknown): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
