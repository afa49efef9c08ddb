import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema } from './common.js';

/**
 * A serialized origin (RFC 6454 §6.1, as browsers send it in `Origin`): `scheme://host[:port]`,
 * lowercase, no default port, no path, no trailing slash. Required in exactly that form because
 * sessions compare origins as strings.
 */
export const originSchema = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be a serialized http(s) origin: scheme://host[:port], lowercase, without path or trailing slash');

export const createOrgKeySchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export type CreateOrgKeyInput = z.infer<typeof createOrgKeySchema>;

/** An org key as listed: never the key itself. */
export const orgKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: isoDateTimeSchema,
    lastUsedAt: isoDateTimeSchema.nullable(),
  })
  .strict();
export type OrgKeyView = z.infer<typeof orgKeySchema>;

/** The answer to creating a key: the only time `key` is shown. */
export const orgKeyCreatedSchema = z
  .object({ id: z.string(), key: z.string(), name: z.string(), prefix: z.string(), createdAt: isoDateTimeSchema })
  .strict();
export type OrgKeyCreated = z.infer<typeof orgKeyCreatedSchema>;

export const maxSessionTtlSeconds = 3600;
export const defaultSessionTtlSeconds = 900;

export const createSessionSchema = z
  .object({
    allowedOrigins: z.array(originSchema).min(1).max(20),
    /** Connector API names the session may use; omitted: every connector of the org. */
    connectors: z.array(apiNameSchema).min(1).max(100).optional(),
    ttlSeconds: z.number().int().min(60).max(maxSessionTtlSeconds).optional(),
  })
  .strict();
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

export const sessionCreatedSchema = z.object({ token: z.string(), expiresAt: isoDateTimeSchema }).strict();
export type SessionCreated = z.infer<typeof sessionCreatedSchema>;
