import { acmeLogoDataUrl } from '@switchboard/demo';
import type { DemoApi } from './demo-api.js';

/** The solution and subscriber org the demo sets up, so the distribution side works out of the box. */
export const DEMO_SOLUTION = 'acme_crm';
export const DEMO_SUBSCRIBER_ORG = 'acme-customer';

interface VersionView {
  readonly version: number;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly apis: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** What an installed org depends on: endpoints and API definitions (not names or timestamps). */
function fingerprint(connector: Readonly<Record<string, unknown>>, apis: ReadonlyArray<Readonly<Record<string, unknown>>>): string {
  const pick = (record: Readonly<Record<string, unknown>>, keys: readonly string[]) => keys.map((key) => record[key]);
  return JSON.stringify([
    pick(connector, ['authorizationUrl', 'tokenUrl', 'refreshUrl', 'revokeUrl', 'revokeUsing', 'scopes', 'issuer', 'pkce', 'tokenPlacement']),
    [...apis].sort((a, b) => String(a['apiName']).localeCompare(String(b['apiName']))).map((api) => pick(api, ['apiName', 'method', 'url', 'headers', 'query', 'body'])),
  ]);
}

const nextPatch = (version: string): string => {
  const [major, minor, patch] = version.split('.').map((part) => Number.parseInt(part, 10));
  return `${major ?? 1}.${minor ?? 0}.${(patch ?? 0) + 1}`;
};

/**
 * Publish the `acme` draft when it differs from its latest version (the demo's port can change
 * between runs), keep solution `acme_crm` pinned to it with a release, and keep org
 * `acme-customer` on that release, all through the public API. Returns the installed release.
 */
export async function publishDemo(api: DemoApi, connector: string): Promise<{ solution: string; org: string; release: string }> {
  const draft = (await api.expect('GET', `/v1/connectors/${connector}`, undefined, [200], 'read connector')) as Record<string, unknown>;
  const draftApis = ((await api.expect('GET', `/v1/connectors/${connector}/apis`, undefined, [200], 'list APIs')) as { items: Record<string, unknown>[] }).items;
  const versions = ((await api.expect('GET', `/v1/connectors/${connector}/versions`, undefined, [200], 'list versions')) as { items: { version: number }[] }).items;
  let version = versions[0]?.version;
  if (version !== undefined) {
    const latest = (await api.expect('GET', `/v1/connectors/${connector}/versions/${version}`, undefined, [200], 'read version')) as VersionView;
    if (fingerprint(latest.definition, latest.apis) !== fingerprint(draft, draftApis)) version = undefined;
  }
  if (version === undefined) {
    const body = { logo: acmeLogoDataUrl, supportEmail: 'support@acme.example', releaseNotes: 'Contacts (list, create) and file upload.' };
    version = ((await api.expect('POST', `/v1/connectors/${connector}/publish`, body, [201], 'publish connector')) as { version: number }).version;
  }

  await api.expect('POST', '/v1/solutions', { apiName: DEMO_SOLUTION, name: 'Acme CRM integration' }, [201, 409], 'create solution');
  await api.expect('PUT', `/v1/solutions/${DEMO_SOLUTION}/connectors/${connector}`, { version }, [200], 'associate connector');
  const releases = ((await api.expect('GET', `/v1/solutions/${DEMO_SOLUTION}/releases`, undefined, [200], 'list releases')) as {
    items: { version: string; connectors: { connector: string; version: number }[] }[];
  }).items;
  const latest = releases[0];
  let release: string;
  if (latest && latest.connectors.some((pinned) => pinned.connector === connector && pinned.version === version)) {
    release = latest.version;
  } else {
    release = latest ? nextPatch(latest.version) : '1.0.0';
    await api.expect('POST', `/v1/solutions/${DEMO_SOLUTION}/releases`, { version: release, notes: `acme version ${version}` }, [201], 'cut release');
  }

  await api.expect('POST', '/v1/orgs', { id: DEMO_SUBSCRIBER_ORG, name: 'Acme customer (demo subscriber)' }, [201, 409], 'create org');
  const installed = ((await api.expect('GET', `/v1/orgs/${DEMO_SUBSCRIBER_ORG}/installations`, undefined, [200], 'list installations')) as {
    items: { solution: string; release: string }[];
  }).items.find((installation) => installation.solution === DEMO_SOLUTION);
  if (!installed) {
    await api.expect('POST', `/v1/orgs/${DEMO_SUBSCRIBER_ORG}/installations`, { solution: DEMO_SOLUTION, release }, [201], 'install solution');
  } else if (installed.release !== release) {
    await api.expect('PUT', `/v1/orgs/${DEMO_SUBSCRIBER_ORG}/installations/${DEMO_SOLUTION}`, { release }, [200], 'upgrade installation');
  }
  return { solution: DEMO_SOLUTION, org: DEMO_SUBSCRIBER_ORG, release };
}
