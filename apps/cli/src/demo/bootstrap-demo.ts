import { acmeApiDefinitions, acmeConnectorDefinition, type DemoService } from '@switchboard/demo';
import type { RunningServer } from '@switchboard/server';
import { demoApi } from './demo-api.js';
import { publishDemo } from './publish-demo.js';

export interface DemoSetup {
  /** A fresh authorization link for org `dev`. */
  readonly authorizationUrl: string;
  readonly expiresAt: string;
  /** The subscriber org with the demo solution installed. */
  readonly subscriber: { readonly org: string; readonly solution: string; readonly release: string };
}

/**
 * Make sure connector `acme`, its credentials and its APIs exist and match the running demo,
 * then publish it into solution `acme_crm` installed in org `acme-customer`, all through the
 * public HTTP API (in-process), exactly as a builder would with curl.
 */
export async function bootstrapDemo(server: RunningServer, demo: DemoService, client: { clientId: string; clientSecret: string }): Promise<DemoSetup> {
  const api = demoApi(server);
  const { apiName, name, ...fields } = acmeConnectorDefinition(demo);
  if (!(await api.exists(`/v1/connectors/${apiName}`, 'read connector'))) {
    await api.expect('POST', '/v1/connectors', { apiName, name, ...fields }, [201], 'create connector');
  } else {
    await api.expect('PATCH', `/v1/connectors/${apiName}`, { name, ...fields }, [200], 'update connector');
  }
  await api.expect('PUT', `/v1/connectors/${apiName}/credentials`, client, [200], 'set credentials');
  for (const { apiName: apiId, ...definition } of acmeApiDefinitions(demo)) {
    if (!(await api.exists(`/v1/connectors/${apiName}/apis/${apiId}`, `read API ${apiId}`))) {
      await api.expect('POST', `/v1/connectors/${apiName}/apis`, { apiName: apiId, ...definition }, [201], `create API ${apiId}`);
    } else {
      await api.expect('PATCH', `/v1/connectors/${apiName}/apis/${apiId}`, definition, [200], `update API ${apiId}`);
    }
  }
  const subscriber = await publishDemo(api, apiName);
  const started = (await api.expect('POST', `/v1/orgs/dev/connections/${apiName}/authorize`, {}, [200], 'start authorization')) as { authorizationUrl: string; expiresAt: string };
  return { authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt, subscriber };
}
