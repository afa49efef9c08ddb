import type { DemoService } from './demo-service.js';

/**
 * What a running demo publishes about itself for Switchboard: the `acme` connector a builder
 * would enter (the body of `POST /v1/connectors`), with this demo's own endpoints, scopes and
 * issuer. The CLI's demo bootstrap and the server's test harness register exactly this.
 */
export function acmeConnectorDefinition(demo: DemoService) {
  return {
    name: 'Acme CRM',
    apiName: 'acme',
    description: 'The bundled demo CRM: contacts and file uploads behind OAuth 2.0.',
    serviceName: 'Acme CRM',
    signupUrl: `${demo.issuer}/`,
    authorizationUrl: demo.authorizationUrl,
    tokenUrl: demo.tokenUrl,
    revokeUrl: demo.revocationUrl,
    revokeUsing: 'refresh_token',
    scopes: demo.scopes,
    authorizationParams: demo.authorizationParams,
    issuer: demo.issuer,
  };
}

/**
 * The demo's REST API as Switchboard API definitions (bodies of `POST /v1/connectors/acme/apis`):
 * `acme.listcontacts`, `acme.createcontact`, `acme.uploadfile`.
 */
export function acmeApiDefinitions(demo: DemoService) {
  return [
    { name: 'List contacts', apiName: 'listcontacts', description: 'All contacts of the connected user.', method: 'GET', url: `${demo.apiBaseUrl}/contacts` },
    {
      name: 'Create contact',
      apiName: 'createcontact',
      description: 'Create a contact from First_Name, Last_Name, Email_ID and Phone_Number.',
      method: 'POST',
      url: `${demo.apiBaseUrl}/contacts`,
      body: { type: 'json', template: '{"First_Name": "${First_Name}", "Last_Name": "${Last_Name}", "Email_ID": "${Email_ID}", "Phone_Number": "${Phone_Number}"}' },
    },
    { name: 'Upload file', apiName: 'uploadfile', description: 'Upload a file (multipart: FILE and PARTS).', method: 'POST', url: `${demo.apiBaseUrl}/files`, body: { type: 'multipart' } },
  ] as const;
}
