import type { DemoService } from '@switchboard/demo';

/** The `acme` connector for the bundled demo service, as a builder would define it. */
export function demoConnector(demo: DemoService) {
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

/** The demo connector's APIs: `acme.listcontacts`, `acme.createcontact`, `acme.uploadfile`. */
export function demoApis(demo: DemoService) {
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
