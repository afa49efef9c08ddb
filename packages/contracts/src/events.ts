import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema } from './common.js';

/** Every audit event type; stable API (clients filter on it). The core records exactly these. */
export const auditEventTypeSchema = z.enum([
  'authorization.started',
  'authorization.succeeded',
  'authorization.failed',
  'token.refreshed',
  'token.refresh_failed',
  'connection.revoked',
  /** An upgrade changed scopes or endpoints: the org must authorize again. */
  'connection.reauthorization_required',
  'api.invoked',
  'key.created',
  'key.revoked',
  'session.created',
  'installation.installed',
  'installation.upgraded',
  'installation.uninstalled',
  /** A function run failed (error, timeout, memory or a limit); `data` names it and the code. */
  'function.failed',
  /** A subscriber admin signed in to the web console with an org key; `data` names the console session and the key. */
  'console.signed_in',
  /** That console session was signed out (or replaced by signing in again); not recorded for expiry or key revocation. */
  'console.signed_out',
]);

export const maxEventPageSize = 200;
export const defaultEventPageSize = 50;

export const listEventsQuerySchema = z
  .object({
    /** `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(400).optional(),
    type: auditEventTypeSchema.optional(),
    connector: apiNameSchema.optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `must be an integer from 1 to ${maxEventPageSize}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(maxEventPageSize))
      .optional(),
  })
  .strict();
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

/** Who acted: ids only, never a key or session secret. */
export const eventActorSchema = z
  .object({
    kind: z.enum(['admin', 'org_key', 'session', 'system', 'function']),
    keyId: z.string().optional(),
    sessionId: z.string().optional(),
    /** `function` actors: the solution and function whose code called (`invokeConnector`). */
    solution: z.string().optional(),
    function: z.string().optional(),
  })
  .strict();

export const auditEventSchema = z
  .object({
    id: z.string(),
    type: auditEventTypeSchema,
    at: isoDateTimeSchema,
    /** Connector API name, or null. */
    connector: z.string().nullable(),
    actor: eventActorSchema,
    /** Ids, names, statuses and durations: never bodies, tokens, keys or secrets. */
    data: z.record(z.string(), z.json()),
  })
  .strict();
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** Newest first; `nextCursor` is null on the last page. */
export const eventPageSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .strict();
export type EventPage = z.infer<typeof eventPageSchema>;
