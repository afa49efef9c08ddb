import type { ApiDefinition } from '../connectors/api-definition.js';
import type { Connector } from '../connectors/connector.js';

export type LogoContentType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Logo {
  readonly contentType: LogoContentType;
  readonly bytes: Uint8Array;
}

/**
 * An immutable published snapshot of a connector and all its APIs. `connector.id` and each
 * API's `connectorId` are the draft's id, so connections (keyed by connector id) carry over
 * between versions.
 */
export interface ConnectorVersion {
  readonly id: string;
  readonly connectorId: string;
  /** 1, 2, 3… per connector. */
  readonly version: number;
  readonly connector: Connector;
  readonly apis: readonly ApiDefinition[];
  readonly supportEmail: string;
  readonly releaseNotes: string;
  /** Null when published without a logo. The bytes are read separately (`getLogo`). */
  readonly logoContentType: LogoContentType | null;
  readonly publishedAt: Date;
}
