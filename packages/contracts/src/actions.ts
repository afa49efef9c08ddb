import { z } from 'zod';
import { apiNameSchema } from './common.js';

/**
 * `PUT /v1/solutions/{solution}/connectors/{connector}/actions`: each names a function of the
 * solution; omitted leaves it as it was, null clears it.
 */
export const setConnectorActionsSchema = z
  .object({
    /** Run for an org when it authorizes the connector (On Authorization). */
    onAuthorize: apiNameSchema.nullable().optional(),
    /** Run for an org when its connection is revoked, also by an uninstall or an upgrade dropping the connector (On Revoking). */
    onRevoke: apiNameSchema.nullable().optional(),
  })
  .strict();
export type SetConnectorActionsInput = z.infer<typeof setConnectorActionsSchema>;

export const connectorActionsSchema = z
  .object({
    solution: z.string(),
    connector: z.string(),
    onAuthorize: z.string().nullable(),
    onRevoke: z.string().nullable(),
  })
  .strict();
export type ConnectorActionsView = z.infer<typeof connectorActionsSchema>;

/** The `args` an action's function receives. */
export interface ConnectorActionArgs {
  readonly event: 'authorized' | 'revoked';
  readonly connector: string;
  readonly org: string;
  readonly scopes: readonly string[];
  /** When the authorization or revocation happened (ISO 8601). */
  readonly at: string;
}
