import type { AuthorizationResult } from './authorize-in-popup.js';
import type { ConnectionView, RevokeResult } from './connection-view.js';
import type { InvokeData, InvokeResult } from './invoke-data.js';

/**
 * A widget's handle on Switchboard for one org (its session token's), made by {@link init}: the seed's four calls
 * (`authorize`, `isConnectorAuthorized`, `revokeConnector`, `invokeAPI`) plus `getConnection`.
 * Every method rejects with a {@link SwitchboardError}.
 */
export interface SwitchboardClient {
  /** The org the client acts for: the one its session token names. */
  readonly org: string;
  /**
   * Opens the connector's consent window and resolves once the person has authorized it.
   * Call it directly in a click (or key) handler, without awaiting anything first: the window
   * is opened before the method returns, which is what keeps popup blockers quiet.
   *
   * A second call for the same connector while its window is open focuses that window and
   * returns the same promise; calls for different connectors run side by side.
   *
   * Rejects with the callback's code (e.g. `authorization_denied`), `popup_blocked`,
   * `popup_closed`, `authorization_timeout`, or the start request's problem code.
   */
  authorize(connector: string): Promise<AuthorizationResult>;
  /** Whether the org's connection of this connector is `authorized` (usable now). */
  isConnectorAuthorized(connector: string): Promise<boolean>;
  /** The connection's status view (`authorized`, `not_authorized`, `needs_reauthorization`, scopes, times); never a token. */
  getConnection(connector: string): Promise<ConnectionView>;
  /** Revokes the connection at the provider (RFC 7009) and drops its tokens. */
  revokeConnector(connector: string): Promise<RevokeResult>;
  /**
   * Calls an API, `"<connector>.<api>"`, with the seed's data object. `Blob`/`File` values go as
   * real multipart/form-data (no base64). Resolves with the upstream's `{status, headers, body}`,
   * whatever its status; rejects when Switchboard itself refuses (e.g. `not_authorized`,
   * `missing_variables`, `upstream_unreachable`).
   */
  invokeAPI<TBody = unknown>(target: string, data?: InvokeData): Promise<InvokeResult<TBody>>;
}
