import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema, stringMapSchema } from './common.js';
import { createInputSchema, updateInputSchema } from './input-schemas.js';

export const httpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
export const bodyTypeSchema = z.enum(['none', 'json', 'form', 'multipart', 'raw']);

/**
 * The request body of an API. `template` holds `${placeholders}`:
 * - json: JSON text; a placeholder that is a whole string value (`"${age}"`) takes the variable's JSON type.
 * - form: `a=${x}&b=${y}`; values are form-encoded.
 * - raw: text, substituted as is (set Content-Type in headers).
 * - multipart: parts come from the invoke data's PARTS / FILE; no template.
 */
export const apiBodySchema = z
  .object({
    type: bodyTypeSchema,
    template: z.string().max(100_000).optional(),
  })
  .strict();
export type ApiBody = z.infer<typeof apiBodySchema>;

/** A URL template: absolute http(s), or starting with `${connection.<field>}` (e.g. `instance_url`). */
export const urlTemplateSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (value) => /^https?:\/\//i.test(value) || /^\$\{connection\.[A-Za-z0-9_]+\}/.test(value),
    'must start with http://, https:// or ${connection.<field>}',
  );

/**
 * Headers the HTTP client manages itself: connection-level fields (RFC 9110 §7.6.1), framing and
 * routing. The client refuses some (every call then failed as a misleading 502) and silently
 * replaces others (Host, Content-Length), so an API may not define them.
 */
const clientManagedHeaders = new Set(['connection', 'proxy-connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect', 'host', 'content-length']);

const headerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name (RFC 9110 §5.1)')
  .refine((name) => !clientManagedHeaders.has(name.toLowerCase()), 'is managed by the HTTP client and cannot be set by an API');

/** Every writable API field, in view order; the create and update bodies derive from it. */
const apiFields = {
  name: z.string().trim().min(1).max(100),
  apiName: apiNameSchema,
  description: z.string().max(2000),
  method: httpMethodSchema,
  url: urlTemplateSchema,
  headers: z.record(headerNameSchema, z.string().max(4000).regex(/^[^\r\n\0]*$/, 'must not contain CR, LF or NUL')),
  query: stringMapSchema,
  body: apiBodySchema,
};

export const createApiSchema = createInputSchema(apiFields, { required: ['name', 'method', 'url'] });
export type CreateApiInput = z.infer<typeof createApiSchema>;

/** PATCH: every field optional; `null` clears the description. `apiName` cannot change. */
export const updateApiSchema = updateInputSchema(apiFields, { immutable: ['apiName'], clearable: ['description'] });
export type UpdateApiInput = z.infer<typeof updateApiSchema>;

export const apiSchema = z
  .object({
    id: z.string(),
    connector: z.string(),
    apiName: z.string(),
    /** `<connector>.<api>`, e.g. `acme.createcontact`. */
    identifier: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    method: httpMethodSchema,
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    query: z.record(z.string(), z.string()),
    body: apiBodySchema,
    /** Placeholders the API declares (without `connection.*`), in order of appearance. */
    variables: z.array(z.string()),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type ApiView = z.infer<typeof apiSchema>;

