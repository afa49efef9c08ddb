import { acmeApiDefinitions, acmeConnectorDefinition, type DemoService } from '@switchboard/demo';
import type { RunningServer } from '@switchboard/server';

/**
 * Make sure connector `acme`, its credentials and its APIs exist and match the running demo,
 * through the public HTTP API (in-process), exactly as a builder would with curl. Returns a fresh
 * authorization link for org `dev`.
 */
export async function bootstrapDemo(
  server: RunningServer,
  demo: DemoService,
  client: { clientId: string; clientSecret: string },
): Promise<{ authorizationUrl: string; expiresAt: string }> {
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const response = await server.app.request(path, {
      method,
      headers: { authorization: `Bearer ${server.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const expect = (result: { status: number; json: any }, ok: number[], what: string) => {
    if (!ok.includes(result.status)) throw new Error(`demo setup: ${what} answered ${result.status}: ${JSON.stringify(result.json)}`);
    return result;
  };

  const { apiName, name, ...fields } = acmeConnectorDefinition(demo);
  const existing = await call('GET', `/v1/connectors/${apiName}`);
  if (existing.status === 404) expect(await call('POST', '/v1/connectors', { apiName, name, ...fields }), [201], 'create connector');
  else expect(await call('PATCH', `/v1/connectors/${apiName}`, { name, ...fields }), [200], 'update connector');
  expect(await call('PUT', `/v1/connectors/${apiName}/credentials`, client), [200], 'set credentials');
  for (const { apiName: api, ...definition } of acmeApiDefinitions(demo)) {
    const found = await call('GET', `/v1/connectors/${apiName}/apis/${api}`);
    if (found.status === 404) expect(await call('POST', `/v1/connectors/${apiName}/apis`, { apiName: api, ...definition }), [201], `create API ${api}`);
    else expect(await call('PATCH', `/v1/connectors/${apiName}/apis/${api}`, definition), [200], `update API ${api}`);
  }
  return expect(await call('POST', `/v1/orgs/dev/connections/${apiName}/authorize`, {}), [200], 'start authorization').json;
}
