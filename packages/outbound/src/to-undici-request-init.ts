import type { Dispatcher, RequestInit as UndiciRequestInit } from 'undici';
import { FormData as UndiciFormData } from 'undici';

/**
 * Builds the init for undici's `fetch` from a caller's web-standard `RequestInit`, with the
 * settings the outbound port never lets a caller change:
 *
 * - `redirect: 'manual'`: Switchboard hands 3xx back to its caller; following would forward
 *   credentials (including custom API-key headers, which fetch does not strip) to another origin.
 * - `signal`: the exchange's signal (timeout, size cap and the caller's signal in one).
 * - `dispatcher`: the exchange in front of the guarded Agent, so a stray `dispatcher` in `init`
 *   cannot bypass the guard.
 */
export function toUndiciRequestInit(init: RequestInit | undefined, signal: AbortSignal, dispatcher: Dispatcher): UndiciRequestInit {
  // The DOM lib and undici declare the same web types separately (Headers, BodyInit, …); at
  // runtime undici accepts the global ones, so the shapes are bridged here, in one place.
  const merged = { ...init, redirect: 'manual', signal, dispatcher } as UndiciRequestInit;
  const body = init?.body;
  // Node 20's global FormData belongs to Node's bundled undici; undici 7's fetch does not
  // recognise it and would send the string "[object FormData]". Re-create it in undici's class.
  if (body instanceof FormData && !(body instanceof UndiciFormData)) merged.body = toUndiciFormData(body);
  return merged;
}

function toUndiciFormData(source: FormData): UndiciFormData {
  const target = new UndiciFormData();
  for (const [name, value] of source) {
    if (typeof value === 'string') target.append(name, value);
    else target.append(name, value, value.name);
  }
  return target;
}
