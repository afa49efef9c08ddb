import type { VersionSummaryView, VersionView } from '@switchboard/contracts';
import { toApiView } from '../connectors/api-service.js';
import { toConnectorView } from '../connectors/connector-view.js';
import type { ConnectorVersion } from './connector-version.js';

/** The path of a version's logo route (relative, so it holds behind any proxy). */
export const logoUrl = (connectorApiName: string, version: number): string => `/v1/connectors/${connectorApiName}/versions/${version}/logo`;

const common = (v: ConnectorVersion) => ({
  connector: v.connector.apiName,
  version: v.version,
  supportEmail: v.supportEmail,
  logoContentType: v.logoContentType,
  logoUrl: v.logoContentType === null ? null : logoUrl(v.connector.apiName, v.version),
  publishedAt: v.publishedAt.toISOString(),
});

export function toVersionSummary(v: ConnectorVersion): VersionSummaryView {
  return { ...common(v), name: v.connector.name, apiCount: v.apis.length };
}

/**
 * A version in the same shapes as the draft routes. Client credentials are not versioned (the
 * draft's are used by every version), so `credentialsSet` tells whether they are set now.
 */
export function toVersionView(v: ConnectorVersion, extras: { redirectUrl: string; credentialsSet: boolean }): VersionView {
  return {
    ...common(v),
    releaseNotes: v.releaseNotes,
    definition: toConnectorView(v.connector, extras),
    apis: v.apis.map((api) => toApiView(v.connector, api)),
  };
}
