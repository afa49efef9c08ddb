import type { DemoService } from '@switchboard/demo';
import type { RunningServer } from '@switchboard/server';
import type { DemoSetup } from './demo/bootstrap-demo.js';

/** What a person needs after `npm start`: where things are, the key, and a link to click. */
export function printBanner(input: { server: RunningServer; demo?: DemoSetup & { demo: DemoService } }): void {
  const { server, demo } = input;
  const key = server.adminKey;
  const lines = [
    '',
    '  Switchboard is running',
    '',
    `  Console        ${server.url}/   (sign in with the admin key below)`,
    `  API            ${server.url}/v1   (OpenAPI: ${server.publicUrl}/v1/openapi.json)`,
    `  Sample widget  ${server.url}/widgets/sample   (the browser SDK with a session token)`,
    `  Redirect URL   ${server.redirectUrl}   (register this at the service)`,
    `  Storage        ${server.storageKind === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL'}`,
    `  Admin key      ${key}${server.adminKeyFile ? `   (kept in ${server.adminKeyFile})` : ''}`,
  ];
  if (demo) {
    const user = demo.demo.users[0]!;
    const { org, solution, release } = demo.subscriber;
    lines.push(
      '',
      `  Demo service   Acme CRM at ${demo.demo.issuer}   (log in as ${user.username} / ${user.password})`,
      '',
      '  1. Authorize the acme connector for org dev: open this link in a browser (valid 10 minutes):',
      '',
      `     ${demo.authorizationUrl}`,
      '',
      '     A fresh link any time:',
      `     curl -s -X POST -H "Authorization: Bearer ${key}" ${server.url}/v1/orgs/dev/connections/acme/authorize`,
      '',
      '  2. Invoke its APIs:',
      '',
      `     curl -s -X POST -H "Authorization: Bearer ${key}" ${server.url}/v1/orgs/dev/invoke/acme.listcontacts`,
      `     curl -s -X POST -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" \\`,
      `       -d '{"First_Name":"Alfred","Last_Name":"Little","Email_ID":"alfred@example.com","Phone_Number":""}' \\`,
      `       ${server.url}/v1/orgs/dev/invoke/acme.createcontact`,
      '',
      '  3. Status and revoke:',
      '',
      `     curl -s -H "Authorization: Bearer ${key}" ${server.url}/v1/orgs/dev/connections/acme`,
      `     curl -s -X DELETE -H "Authorization: Bearer ${key}" ${server.url}/v1/orgs/dev/connections/acme`,
      '',
      `  4. A subscriber: org ${org} has solution ${solution} ${release} installed (connector acme, published).`,
      `     Give its admin an org key (shown once; or in the console: Orgs › ${org} › Create org key),`,
      '     then sign in to the console with it, or use it with curl; it works for that org only:',
      '',
      `     curl -s -X POST -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" \\`,
      `       -d '{"name":"subscriber admin"}' ${server.url}/v1/orgs/${org}/keys`,
      `     curl -s -H "Authorization: Bearer <org key>" ${server.url}/v1/orgs/${org}/connections`,
      `     curl -s -X POST -H "Authorization: Bearer <org key>" ${server.url}/v1/orgs/${org}/connections/acme/authorize`,
    );
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
