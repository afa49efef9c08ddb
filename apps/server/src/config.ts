import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllowList } from '@switchboard/outbound';
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address.js';

/** Names of every environment variable the server reads; the CLI maps its flags onto these. */
export const configVariables = [
  'SWITCHBOARD_PORT',
  'SWITCHBOARD_HOST',
  'SWITCHBOARD_PUBLIC_URL',
  'SWITCHBOARD_DATA_DIR',
  'SWITCHBOARD_DATABASE_URL',
  'SWITCHBOARD_ADMIN_KEY',
  'SWITCHBOARD_ENCRYPTION_KEY',
  'SWITCHBOARD_ALLOW_PRIVATE_NETWORK',
  'SWITCHBOARD_LOG_LEVEL',
  'SWITCHBOARD_AUTH_FAILURE_LIMIT',
  'SWITCHBOARD_TRUSTED_PROXIES',
  'SWITCHBOARD_EVENT_RETENTION_DAYS',
  'SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS',
  'SWITCHBOARD_FUNCTION_MAX_MEMORY_MB',
  'SWITCHBOARD_FUNCTION_WORKERS',
  'SWITCHBOARD_CONSOLE_DIR',
  'NODE_ENV',
] as const;
export type ConfigVariable = (typeof configVariables)[number];
export type ConfigSource = Partial<Record<ConfigVariable, string | undefined>>;

const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const base64Key = z.string().refine((value) => {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 && bytes.toString('base64').replace(/=+$/, '') === value.trim().replace(/=+$/, '');
}, 'must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`)');

const schema = z.object({
  SWITCHBOARD_PORT: z.preprocess((v) => (v === undefined || v === '' ? '4400' : v), z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().int().min(0).max(65535))),
  SWITCHBOARD_HOST: z.preprocess((v) => (v === undefined || v === '' ? '127.0.0.1' : v), z.string().min(1)),
  SWITCHBOARD_PUBLIC_URL: optional(
    z.string().refine((value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.search === '' &&
          url.hash === '' &&
          url.username === '' &&
          url.password === '' &&
          !/[?#]/.test(value)
        );
      } catch {
        return false;
      }
    }, 'must be an absolute http(s) URL without credentials, query or fragment'),
  ),
  SWITCHBOARD_DATA_DIR: z.preprocess((v) => (v === undefined || v === '' ? './.switchboard' : v), z.string().min(1)),
  SWITCHBOARD_DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite)')),
  SWITCHBOARD_ADMIN_KEY: optional(z.string().min(24, 'must be at least 24 characters')),
  // Comma-separated list: the first key encrypts, all decrypt (rotation).
  SWITCHBOARD_ENCRYPTION_KEY: optional(z.string().refine((value) => value.split(',').every((k) => base64Key.safeParse(k.trim()).success), 'each comma-separated key must be the base64 of exactly 32 bytes')),
  // Validated here with the outbound adapter's own parser, so a typo stops the start naming the
  // variable instead of failing later inside createOutbound.
  SWITCHBOARD_ALLOW_PRIVATE_NETWORK: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.string().transform((value, ctx) => {
      try {
        return parseAllowList(value);
      } catch (error) {
        const cause = (error as Error).cause;
        ctx.addIssue({ code: 'custom', message: cause instanceof Error ? cause.message : (error as Error).message });
        return z.NEVER;
      }
    }),
  ),
  SWITCHBOARD_LOG_LEVEL: z.preprocess((v) => (v === undefined || v === '' ? 'info' : v), z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
  SWITCHBOARD_EVENT_RETENTION_DAYS: z.preprocess(
    (v) => (v === undefined || v === '' ? '30' : v),
    z.string().regex(/^\d{1,5}$/, 'must be a whole number of days, at least 1').transform(Number).pipe(z.number().int().min(1, 'must be at least 1 day')),
  ),
  SWITCHBOARD_AUTH_FAILURE_LIMIT: z.preprocess(
    (v) => (v === undefined || v === '' ? '20' : v),
    z.string().regex(/^\d{1,7}$/, 'must be a whole number of failed attempts, at least 1').transform(Number).pipe(z.number().int().min(1, 'must be at least 1')),
  ),
  // Empty (the default) trusts nobody: X-Forwarded-For is then ignored.
  SWITCHBOARD_TRUSTED_PROXIES: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.string().transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  ),
  // Ceilings on what a function may ask for (its own timeoutMs / memoryMb), and the sandbox's
  // worker processes (each runs one function at a time; more runs queue).
  SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS: z.preprocess(
    (v) => (v === undefined || v === '' ? '30000' : v),
    z.string().regex(/^\d{1,7}$/, 'must be a whole number of milliseconds').transform(Number).pipe(z.number().int().min(100, 'must be at least 100').max(3_600_000, 'must be at most 3600000')),
  ),
  SWITCHBOARD_FUNCTION_MAX_MEMORY_MB: z.preprocess(
    (v) => (v === undefined || v === '' ? '256' : v),
    z.string().regex(/^\d{1,5}$/, 'must be a whole number of megabytes').transform(Number).pipe(z.number().int().min(8, 'must be at least 8').max(8192, 'must be at most 8192')),
  ),
  SWITCHBOARD_FUNCTION_WORKERS: z.preprocess(
    (v) => (v === undefined || v === '' ? '2' : v),
    z.string().regex(/^\d{1,3}$/, 'must be a whole number of worker processes').transform(Number).pipe(z.number().int().min(1, 'must be at least 1').max(64, 'must be at most 64')),
  ),
  SWITCHBOARD_CONSOLE_DIR: optional(z.string()),
  NODE_ENV: optional(z.string()),
});

/**
 * Where the static files come from, relative to this file so any working directory works: the
 * console's Vite build, the SDK's build, and the widget pages.
 */
const defaultStaticRoots = Object.freeze({
  console: fileURLToPath(new URL('../../console/dist', import.meta.url)),
  sdk: fileURLToPath(new URL('../../../packages/sdk/dist', import.meta.url)),
  widgets: fileURLToPath(new URL('../public/widgets', import.meta.url)),
});

/** Server configuration: parsed once at start, frozen, passed down. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Undefined when not set: then `http://<host>:<bound port>` once listening. */
  readonly publicUrl: string | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly adminKey: string | undefined;
  readonly encryptionKeys: readonly string[] | undefined;
  readonly allowPrivateNetwork: readonly string[];
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Audit events older than this are deleted (at start, then hourly). */
  readonly eventRetentionDays: number;
  /** Failed authentications per client address in a sliding minute before 429 rate_limited. */
  readonly authFailureLimit: number;
  /**
   * Reverse proxies (IPs and CIDR blocks) whose `X-Forwarded-For` names the client address for
   * rate limiting and logs; empty: the socket's peer is the client.
   */
  readonly trustedProxies: readonly string[];
  readonly production: boolean;
  /**
   * Folders served as static files: the web console's build (SWITCHBOARD_CONSOLE_DIR, default
   * `apps/console/dist`), the browser SDK's build (`packages/sdk/dist`) and the widget pages
   * (`apps/server/public/widgets`).
   */
  readonly staticRoots: {
    readonly console: string;
    readonly sdk: string;
    readonly widgets: string;
  };
  /** The function sandbox: per-function caps and the worker pool's size. */
  readonly functions: {
    readonly maxTimeoutMs: number;
    readonly maxMemoryMb: number;
    readonly workers: number;
  };
  readonly limits: {
    readonly outboundTimeoutMs: number;
    readonly tokenRequestTimeoutMs: number;
    readonly maxUpstreamResponseBytes: number;
    readonly maxRequestBytes: number;
  };
}

/** A configuration problem, naming the variable so the operator knows what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseConfig(source: ConfigSource): ServerConfig {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = result.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.SWITCHBOARD_ENCRYPTION_KEY) {
    throw new ConfigError('Invalid configuration:\n  SWITCHBOARD_ENCRYPTION_KEY: required when NODE_ENV=production (base64 of 32 bytes)');
  }
  const allowPrivateNetwork = env.SWITCHBOARD_ALLOW_PRIVATE_NETWORK;
  return Object.freeze({
    port: env.SWITCHBOARD_PORT,
    host: env.SWITCHBOARD_HOST,
    publicUrl: env.SWITCHBOARD_PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: env.SWITCHBOARD_DATA_DIR,
    databaseUrl: env.SWITCHBOARD_DATABASE_URL,
    adminKey: env.SWITCHBOARD_ADMIN_KEY,
    encryptionKeys: env.SWITCHBOARD_ENCRYPTION_KEY?.split(',').map((k) => k.trim()),
    allowPrivateNetwork,
    logLevel: env.SWITCHBOARD_LOG_LEVEL,
    eventRetentionDays: env.SWITCHBOARD_EVENT_RETENTION_DAYS,
    authFailureLimit: env.SWITCHBOARD_AUTH_FAILURE_LIMIT,
    trustedProxies: env.SWITCHBOARD_TRUSTED_PROXIES,
    production,
    staticRoots: Object.freeze({ ...defaultStaticRoots, ...(env.SWITCHBOARD_CONSOLE_DIR ? { console: resolve(env.SWITCHBOARD_CONSOLE_DIR) } : {}) }),
    functions: Object.freeze({
      maxTimeoutMs: env.SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS,
      maxMemoryMb: env.SWITCHBOARD_FUNCTION_MAX_MEMORY_MB,
      workers: env.SWITCHBOARD_FUNCTION_WORKERS,
    }),
    limits: Object.freeze({
      outboundTimeoutMs: 30_000,
      tokenRequestTimeoutMs: 10_000,
      maxUpstreamResponseBytes: 10 * 1024 * 1024,
      maxRequestBytes: 25 * 1024 * 1024,
    }),
  });
}
