import { randomUUID } from 'node:crypto';
import type { PublishedVersionView, VersionSummaryView, VersionView } from '@switchboard/contracts';
import { requireConnector } from '../connectors/require-connector.js';
import type { CoreDeps } from '../core-deps.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { ConnectorVersion, Logo } from './connector-version.js';
import type { LogoUpload } from './logo-upload.js';
import { parseLogoText } from './parse-logo-text.js';
import { readLogo } from './read-logo.js';
import { toVersionSummary, toVersionView } from './version-view.js';

export interface PublishInput {
  /** A file part as received, or the JSON body's text (base64 or a data URL). */
  readonly logo: LogoUpload | string;
  readonly supportEmail: string;
  readonly releaseNotes: string;
}

const notPublishable = (apiName: string, reason: 'no_apis' | 'no_credentials') =>
  new SwitchboardError(
    'not_publishable',
    reason === 'no_apis'
      ? `Connector '${apiName}' has no APIs; add at least one before publishing.`
      : `Connector '${apiName}' has no client credentials; set them before publishing.`,
    { details: { reason, connector: apiName } },
  );

/** Publishing: immutable versions of a connector and all its APIs, with a logo and release notes. */
export function createPublishingService(deps: CoreDeps) {
  const { store, clock } = deps;

  const requireVersion = async (connectorApiName: string, n: number): Promise<ConnectorVersion> => {
    const connector = await requireConnector(store, connectorApiName);
    const version = await store.connectorVersions.get(connector.id, n);
    if (!version) {
      throw new SwitchboardError('not_found', `Version ${n} of connector '${connectorApiName}' does not exist.`, { details: { connector: connectorApiName, version: n } });
    }
    return version;
  };

  return {
    requireVersion,

    /**
     * Snapshot the connector and its APIs as they are now. The input is checked first (a bad
     * logo is a 400 whatever the connector's state), then publishability (409). The reads and
     * the write share one transaction, so the snapshot never mixes two edits.
     */
    async publish(connectorApiName: string, input: PublishInput): Promise<PublishedVersionView> {
      const logo: Logo = readLogo(typeof input.logo === 'string' ? parseLogoText(input.logo) : input.logo);
      const published = await store.transaction(async (tx) => {
        const connector = await tx.connectors.getByApiName(connectorApiName);
        if (!connector) throw new SwitchboardError('not_found', `Connector '${connectorApiName}' does not exist.`, { details: { connector: connectorApiName } });
        const apis = await tx.apis.list(connector.id);
        if (apis.length === 0) throw notPublishable(connectorApiName, 'no_apis');
        if (!(await tx.credentials.get(connector.id))) throw notPublishable(connectorApiName, 'no_credentials');
        return tx.connectorVersions.publish({
          id: randomUUID(),
          connectorId: connector.id,
          connector,
          apis,
          supportEmail: input.supportEmail,
          releaseNotes: input.releaseNotes,
          publishedAt: clock.now(),
          logo,
        });
      });
      return { version: published.version, publishedAt: published.publishedAt.toISOString() };
    },

    async list(connectorApiName: string): Promise<VersionSummaryView[]> {
      const connector = await requireConnector(store, connectorApiName);
      return (await store.connectorVersions.list(connector.id)).map(toVersionSummary);
    },

    async get(connectorApiName: string, n: number): Promise<VersionView> {
      const version = await requireVersion(connectorApiName, n);
      const credentialsSet = (await store.credentials.get(version.connectorId)) !== undefined;
      return toVersionView(version, { redirectUrl: deps.redirectUrl, credentialsSet });
    },

    async getLogo(connectorApiName: string, n: number): Promise<Logo> {
      const connector = await requireConnector(store, connectorApiName);
      const logo = await store.connectorVersions.getLogo(connector.id, n);
      if (!logo) throw new SwitchboardError('not_found', `Version ${n} of connector '${connectorApiName}' has no logo.`, { details: { connector: connectorApiName, version: n } });
      return logo;
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
