import { authorizeInPopup, type PopupAuthorization } from './authorize-in-popup.js';
import type { ConnectionView, RevokeResult } from './connection-view.js';
import { encodeInvokeData } from './encode-invoke-data.js';
import type { InvokeResult } from './invoke-data.js';
import { createRequestSender } from './send-request.js';
import { sessionTokenOrg } from './session-token-org.js';
import type { SwitchboardClient } from './switchboard-client.js';
import { SwitchboardError } from './switchboard-error.js';
import type { SwitchboardOptions } from './switchboard-options.js';

/** The authorization's own lifetime at Switchboard: after it, the popup's flow cannot succeed anyway. */
const defaultPopupTimeoutMs = 600_000;

/** The longest delay `setTimeout` keeps (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
const maxTimerMs = 2_147_483_647;

const invalid = (message: string) => new SwitchboardError('invalid_argument', message);

/** The origin and the path prefix (without a trailing slash) of the base URL; query and fragment dropped. */
function parseBaseUrl(baseUrl: unknown): { origin: string; prefix: string } {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw invalid('baseUrl must be an absolute http(s) URL, e.g. https://switchboard.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('baseUrl must be an http(s) URL.');
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** The token, and the org it names; refuses keys and anything that is not a session token. */
function checkedSessionToken(token: unknown): { token: string; org: string } {
  if (typeof token !== 'string' || token.trim() === '' || /\s/.test(token)) throw invalid('sessionToken must be the session token your backend minted (sbs_…).');
  // An org key or the admin key in a page would hand every visitor the org (or everything):
  // refuse loudly rather than send it.
  if (token.startsWith('sbo_') || token.startsWith('sbk_')) {
    throw invalid('That is an org or admin key, which must stay on your server. Mint an SDK session token (sbs_…) with it and pass that instead.');
  }
  // The message never quotes the token: it is the whole credential.
  const org = sessionTokenOrg(token);
  if (org === undefined) throw invalid('sessionToken is not an SDK session token (sbs_<org>.<id>.<secret>). Pass the token exactly as POST /v1/orgs/{org}/sessions returned it.');
  return { token, org };
}

/** The token's org; an `org` option, when given, must agree with it. */
function checkedOrg(option: unknown, tokenOrg: string): string {
  if (option === undefined) return tokenOrg;
  if (option !== tokenOrg) {
    throw invalid(`The org option is not this session token's org ('${tokenOrg}'). Omit org: the token names its own.`);
  }
  return tokenOrg;
}

function checkedName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(`${what} must be a non-empty string.`);
  return value;
}

function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new SwitchboardError('invalid_response', `Switchboard's answer to ${what} is not an object.`);
  return value as Record<string, unknown>;
}

/**
 * Creates a {@link SwitchboardClient} for a session token. The org comes from the token itself
 * (`sbs_<org>.<id>.<secret>`), so a widget needs only Switchboard's URL and the token its backend
 * minted.
 *
 * @example
 * ```html
 * <script src="https://switchboard.example.com/sdk/switchboard.global.js"></script>
 * <script type="module">
 *   const sb = Switchboard.init({ baseUrl: 'https://switchboard.example.com', sessionToken });
 *   connectButton.addEventListener('click', () => sb.authorize('acme').then(render, showError));
 * </script>
 * ```
 * @throws {SwitchboardError} `invalid_argument` for a malformed option, a token that is not a
 *   session token, or an `org` other than the token's.
 */
export function init(options: SwitchboardOptions): SwitchboardClient {
  if (typeof options !== 'object' || options === null) throw invalid('init takes an options object: init({ baseUrl, sessionToken }).');
  const base = parseBaseUrl(options.baseUrl);
  const baseUrl = `${base.origin}${base.prefix}`;
  const { token: sessionToken, org: tokenOrg } = checkedSessionToken(options.sessionToken);
  const org = checkedOrg(options.org, tokenOrg);
  const popupTimeoutMs = options.popupTimeoutMs ?? defaultPopupTimeoutMs;
  if (typeof popupTimeoutMs !== 'number' || !Number.isFinite(popupTimeoutMs) || popupTimeoutMs <= 0 || popupTimeoutMs > maxTimerMs) {
    throw invalid(`popupTimeoutMs must be a positive number of milliseconds, at most ${maxTimerMs}.`);
  }
  const fetchImpl = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
  if (fetchImpl === undefined) throw invalid('No fetch available: pass options.fetch.');
  const send = createRequestSender({ baseUrl, sessionToken, fetch: fetchImpl });
  const orgPath = `/v1/orgs/${encodeURIComponent(org)}`;
  /** The authorizations whose popup is open, by connector. */
  const inFlight = new Map<string, PopupAuthorization & { readonly popup: Window }>();
  const connectionPath = (connector: string) => `${orgPath}/connections/${encodeURIComponent(checkedName(connector, 'connector'))}`;

  const getConnection = async (connector: string): Promise<ConnectionView> => {
    const view = expectObject(await send({ method: 'GET', path: connectionPath(connector) }), 'the connection status');
    if (typeof view['status'] !== 'string') throw new SwitchboardError('invalid_response', 'The connection status has no status.');
    return view as unknown as ConnectionView;
  };

  return {
    org,
    authorize(connector) {
      // Everything up to window.open stays synchronous (see authorizeInPopup).
      let path: string;
      try {
        path = `${connectionPath(connector)}/authorize`;
      } catch (error) {
        return Promise.reject(error);
      }
      // A second call for a connector whose window is still open (a double click, a second
      // button) brings that window forward and shares its outcome, rather than opening another
      // window that races the first.
      const pending = inFlight.get(connector);
      if (pending !== undefined && !pending.popup.closed) {
        try {
          pending.popup.focus();
        } catch {
          // Focusing is a courtesy; the flow goes on regardless.
        }
        return pending.result;
      }
      const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
      if (win === undefined) return Promise.reject(invalid('authorize() needs a browser window.'));
      const flow = authorizeInPopup({
        connector,
        org,
        window: win,
        switchboardOrigin: base.origin,
        timeoutMs: popupTimeoutMs,
        start: async () => {
          const started = expectObject(await send({ method: 'POST', path, json: {} }), 'the authorization start');
          if (typeof started['authorizationUrl'] !== 'string') throw new SwitchboardError('invalid_response', 'The authorization start has no authorizationUrl.');
          return { authorizationUrl: started['authorizationUrl'] };
        },
      });
      const { popup } = flow;
      if (popup !== null) {
        inFlight.set(connector, { popup, result: flow.result });
        const forget = () => {
          if (inFlight.get(connector)?.result === flow.result) inFlight.delete(connector);
        };
        flow.result.then(forget, forget);
      }
      return flow.result;
    },
    async isConnectorAuthorized(connector) {
      return (await getConnection(connector)).status === 'authorized';
    },
    getConnection,
    async revokeConnector(connector) {
      return expectObject(await send({ method: 'DELETE', path: connectionPath(connector) }), 'the revocation') as unknown as RevokeResult;
    },
    async invokeAPI<TBody = unknown>(target: string, data?: Parameters<SwitchboardClient['invokeAPI']>[1]): Promise<InvokeResult<TBody>> {
      const name = checkedName(target, 'The API');
      const dot = name.indexOf('.');
      if (dot <= 0 || dot === name.length - 1) throw invalid(`Invoke "<connector>.<api>", e.g. "acme.listcontacts", not "${name}".`);
      const encoded = encodeInvokeData(data);
      const result = expectObject(
        await send({ method: 'POST', path: `${orgPath}/invoke/${encodeURIComponent(name)}`, ...('form' in encoded ? { form: encoded.form } : { json: encoded.json }) }),
        `invoking ${name}`,
      );
      if (typeof result['status'] !== 'number' || typeof result['headers'] !== 'object' || result['headers'] === null) {
        throw new SwitchboardError('invalid_response', `The answer to invoking ${name} is not {status, headers, body}.`);
      }
      return result as unknown as InvokeResult<TBody>;
    },
  };
}
