import { z } from 'zod';
import { apiNameSchema, httpUrlSchema, isoDateTimeSchema, stringMapSchema } from './common.js';
import { createInputSchema, updateInputSchema } from './input-schemas.js';

/** How the access token is attached to API calls. */
export const tokenPlacementSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('header'),
      /** Header name; default `Authorization`. */
      name: z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/).default('Authorization'),
      /** Text before the token; default `Bearer ` (note the space). */
      prefix: z.string().max(50).regex(/^[^\r\n\0]*$/).default('Bearer '),
    })
    .strict(),
  z
    .object({
      type: z.literal('query'),
      /** Query parameter name; default `access_token`. */
      name: z.string().min(1).max(100).default('access_token'),
    })
    .strict(),
]);
export type TokenPlacement = z.infer<typeof tokenPlacementSchema>;

export const revokeUsingSchema = z.enum(['access_token', 'refresh_token']);
export const clientAuthMethodSchema = z.enum(['client_secret_post', 'client_secret_basic']);

/** Every writable connector field, in view order; the create and update bodies derive from it. */
const connectorFields = {
  name: z.string().trim().min(1).max(100),
  apiName: apiNameSchema,
  description: z.string().max(2000),
  serviceName: z.string().trim().min(1).max(100),
  signupUrl: httpUrlSchema,
  /** The seed's "Request Token URL": the authorization endpoint (RFC 6749 §3.1). */
  authorizationUrl: httpUrlSchema,
  /** The seed's "Access Token URL": the token endpoint (RFC 6749 §3.2). */
  tokenUrl: httpUrlSchema,
  /** The seed's "Refresh Token URL"; defaults to `tokenUrl`. */
  refreshUrl: httpUrlSchema,
  /** The seed's "Revoke Token URL" (RFC 7009). */
  revokeUrl: httpUrlSchema,
  /** Which token the revocation request sends; required when `revokeUrl` is set. */
  revokeUsing: revokeUsingSchema,
  scopes: z.array(z.string().min(1).max(200).regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'scope tokens are printable ASCII without space, " or \\ (RFC 6749 §3.3)')).max(100),
  scopeSeparator: z.string().min(1).max(5),
  pkce: z.boolean(),
  clientAuthMethod: clientAuthMethodSchema,
  authorizationParams: stringMapSchema,
  tokenParams: stringMapSchema,
  tokenPlacement: tokenPlacementSchema,
  /** The authorization server's issuer identifier; checked against `iss` (RFC 9207). */
  issuer: httpUrlSchema,
};

const revokeRule = (value: { revokeUrl?: string | null | undefined; revokeUsing?: string | null | undefined }) =>
  !value.revokeUrl || !!value.revokeUsing;
const revokeRuleMessage = { message: 'revokeUsing is required when revokeUrl is set', path: ['revokeUsing'] };

export const createConnectorSchema = createInputSchema(connectorFields, {
  required: ['name', 'serviceName', 'authorizationUrl', 'tokenUrl'],
}).refine(revokeRule, revokeRuleMessage);
export type CreateConnectorInput = z.infer<typeof createConnectorSchema>;

/** PATCH: every field optional; `null` clears an optional field without a default. `apiName` cannot change. */
export const updateConnectorSchema = updateInputSchema(connectorFields, {
  immutable: ['apiName'],
  clearable: ['description', 'signupUrl', 'refreshUrl', 'revokeUrl', 'revokeUsing', 'issuer'],
});
export type UpdateConnectorInput = z.infer<typeof updateConnectorSchema>;

export const connectorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    apiName: z.string(),
    description: z.string().nullable(),
    serviceName: z.string(),
    signupUrl: z.string().nullable(),
    authorizationUrl: z.string(),
    tokenUrl: z.string(),
    refreshUrl: z.string().nullable(),
    revokeUrl: z.string().nullable(),
    revokeUsing: revokeUsingSchema.nullable(),
    scopes: z.array(z.string()),
    scopeSeparator: z.string(),
    pkce: z.boolean(),
    clientAuthMethod: clientAuthMethodSchema,
    authorizationParams: z.record(z.string(), z.string()),
    tokenParams: z.record(z.string(), z.string()),
    tokenPlacement: tokenPlacementSchema,
    issuer: z.string().nullable(),
    /** The redirect URL to register at the service. */
    redirectUrl: z.string(),
    credentialsSet: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type ConnectorView = z.infer<typeof connectorSchema>;

export const setCredentialsSchema = z
  .object({
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2000),
  })
  .strict();
export type SetCredentialsInput = z.infer<typeof setCredentialsSchema>;

export const credentialsSchema = z
  .object({
    clientId: z.string().nullable(),
    clientSecretSet: z.boolean(),
    redirectUrl: z.string(),
  })
  .strict();
export type CredentialsView = z.infer<typeof credentialsSchema>;
