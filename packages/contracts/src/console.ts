import { z } from 'zod';
import { isoDateTimeSchema } from './common.js';

/** The name of the console session cookie (`sb_console=<id>.<secret>`). */
export const consoleCookieName = 'sb_console';

/**
 * The request header every cookie-authenticated request with an unsafe method must carry
 * (`X-Switchboard-CSRF: 1`). A page on another site cannot add a custom header without a CORS
 * preflight, which Switchboard never grants to cookie-authenticated requests.
 */
export const csrfHeaderName = 'X-Switchboard-CSRF';

/** Sign in to the console with the admin key (`sbk_…`) or an org key (`sbo_…`). */
export const consoleSignInSchema = z
  .object({
    /** The key is exchanged for an HttpOnly cookie; it is never stored or echoed. */
    key: z.string().min(1, 'required').max(1000),
  })
  .strict();
export type ConsoleSignInInput = z.infer<typeof consoleSignInSchema>;

/** Who the console is signed in as. */
export const consoleSessionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('admin'),
      expiresAt: isoDateTimeSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('org'),
      /** The org's id: the console shows that org's pages only. */
      org: z.string(),
      /** The org's display name. */
      orgName: z.string(),
      expiresAt: isoDateTimeSchema,
    })
    .strict(),
]);
export type ConsoleSessionView = z.infer<typeof consoleSessionSchema>;
