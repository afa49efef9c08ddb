import { z } from 'zod';
import { isoDateTimeSchema } from './common.js';

export const connectionStatusSchema = z.enum(['authorized', 'not_authorized', 'needs_reauthorization']);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const startAuthorizationSchema = z
  .object({
    /** A relative path on Switchboard to send the browser to after the callback. */
    returnTo: z
      .string()
      .max(1000)
      .regex(/^\/(?![/\\])[^\s\\]*$/, 'must be a relative path starting with a single /')
      .optional(),
  })
  .strict();
export type StartAuthorizationInput = z.infer<typeof startAuthorizationSchema>;

export const authorizationStartedSchema = z
  .object({ authorizationUrl: z.string(), expiresAt: isoDateTimeSchema })
  .strict();

export const connectionSchema = z
  .object({
    connector: z.string(),
    /** The connector's display name (of the version the org uses). */
    name: z.string(),
    description: z.string().nullable(),
    /**
     * The path of the connection's logo route (`GET /v1/orgs/{org}/connections/{connector}/logo`),
     * or null without a logo: a subscriber org shows its installed version's logo, org `dev` the
     * latest published version's.
     */
    logoUrl: z.string().nullable(),
    status: connectionStatusSchema,
    scopes: z.array(z.string()),
    authorizedAt: isoDateTimeSchema.nullable(),
    expiresAt: isoDateTimeSchema.nullable(),
    lastRefreshedAt: isoDateTimeSchema.nullable(),
    lastError: z
      .object({ code: z.string(), message: z.string(), at: isoDateTimeSchema })
      .strict()
      .nullable(),
    /** API names of the installed solutions that bring the connector (empty in org `dev`). */
    solutions: z.array(z.string()),
    /** The connector version the org uses; null for org `dev`'s drafts. */
    version: z.number().int().nullable(),
  })
  .strict();
export type ConnectionView = z.infer<typeof connectionSchema>;

export const revokeResultSchema = z
  .object({
    status: z.literal('not_authorized'),
    providerRevocation: z.enum(['succeeded', 'failed', 'not_configured']),
    detail: z.string().optional(),
  })
  .strict();
export type RevokeResult = z.infer<typeof revokeResultSchema>;

/** The OAuth callback's query (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 `iss`). Extra params are allowed. */
export const callbackQuerySchema = z
  .object({
    state: z.string().max(512).optional(),
    code: z.string().max(4096).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    error_uri: z.string().max(2000).optional(),
    iss: z.string().max(2048).optional(),
  })
  .passthrough();
