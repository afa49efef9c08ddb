/**
 * The Switchboard browser SDK. As ESM: `import * as Switchboard from '/sdk/switchboard.js'`;
 * as a classic script, `/sdk/switchboard.global.js` defines `window.Switchboard` with the same
 * members (`init`, `SwitchboardError`).
 *
 * @packageDocumentation
 */
export { init } from './init.js';
export { SwitchboardError, type SdkErrorCode, type SwitchboardErrorCode, type SwitchboardErrorOptions } from './switchboard-error.js';
export type { SwitchboardOptions } from './switchboard-options.js';
export type { SwitchboardClient } from './switchboard-client.js';
export type { AuthorizationResult } from './authorize-in-popup.js';
export type { AuthorizationMessage } from './authorization-message.js';
export type { ConnectionStatus, ConnectionView, RevokeResult } from './connection-view.js';
export type { InvokeData, InvokeFile, InvokeFilePart, InvokePart, InvokeResult, InvokeValuePart, JsonValue } from './invoke-data.js';
export type { Problem } from './problem.js';
