import { completeConsentHeadlessly, type DemoService } from '@switchboard/demo';
import type { JsonRequest } from './json-request.js';

/**
 * Authorize `connector` in `org` through the real authorization-code flow: start it at
 * Switchboard, fill in the demo's login and consent forms headlessly, land on Switchboard's
 * callback. Throws unless the connection ends up `authorized`.
 */
export async function authorizeThroughDemo(adminRequest: JsonRequest, demo: DemoService, org: string, connector: string): Promise<void> {
  const started = await adminRequest<{ authorizationUrl: string }>('POST', `/v1/orgs/${org}/connections/${connector}/authorize`, {}, 200);
  const user = demo.users[0];
  if (!user) throw new Error('the demo has no user to sign in with');
  const callback = await completeConsentHeadlessly(started.authorizationUrl, { username: user.username, password: user.password });
  const landed = await fetch(callback, { redirect: 'manual', headers: { accept: 'text/html' } });
  await landed.body?.cancel();
  const connection = await adminRequest<{ status: string }>('GET', `/v1/orgs/${org}/connections/${connector}`, undefined, 200);
  if (connection.status !== 'authorized') throw new Error(`authorization of ${connector} in ${org} did not complete: callback ${landed.status}, connection ${connection.status}`);
}
