import type { RunningServer } from '@switchboard/server';

/** The public HTTP API, called in-process with the admin key, exactly as a builder would with curl. */
export interface DemoApi {
  /** Call and fail with the problem's text unless the status is one of `ok`; returns the parsed JSON. */
  expect(method: string, path: string, body: unknown, ok: readonly number[], what: string): Promise<unknown>;
  /** Whether a GET finds the resource (200) or not (404); anything else fails. */
  exists(path: string, what: string): Promise<boolean>;
}

export function demoApi(server: RunningServer): DemoApi {
  const call = async (method: string, path: string, body: unknown, ok: readonly number[], what: string) => {
    const response = await server.app.request(path, {
      method,
      headers: { authorization: `Bearer ${server.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!ok.includes(response.status)) throw new Error(`demo setup: ${what} answered ${response.status}: ${text.slice(0, 500)}`);
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    expect: async (method, path, body, ok, what) => (await call(method, path, body, ok, what)).json,
    exists: async (path, what) => (await call('GET', path, undefined, [200, 404], what)).status === 200,
  };
}
