import type { IntrospectionResult } from './demo-service.js';

/**
 * Calls an RFC 7662 introspection endpoint with client_secret_basic (RFC 6749 §2.3.1: id and
 * secret are form-urlencoded before base64).
 */
export async function introspectToken(
  introspectionUrl: string,
  token: string,
  client: { clientId: string; clientSecret: string },
): Promise<IntrospectionResult> {
  const credentials = Buffer.from(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`).toString('base64');
  const response = await fetch(introspectionUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ token }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || typeof body !== 'object' || body === null || !('active' in body) || typeof body.active !== 'boolean') {
    throw new Error(`introspection failed with HTTP ${response.status}: ${JSON.stringify(body)}`);
  }
  return body as IntrospectionResult;
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
