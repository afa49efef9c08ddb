/** A JSON request over a real socket; throws unless the status is `expected`. */
export type JsonRequest = <T>(method: string, path: string, body: unknown, expected: number) => Promise<T>;

/** A `JsonRequest` against `baseUrl` with fixed headers (e.g. the admin key's). */
export function createJsonRequest(baseUrl: string, headers: Readonly<Record<string, string>>): JsonRequest {
  return async <T>(method: string, path: string, body: unknown, expected: number): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}
