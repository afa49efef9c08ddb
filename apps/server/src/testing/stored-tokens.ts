import type { Cipher, Connection, Store } from '@switchboard/core';

/** A connection as stored, with its token material decrypted. */
export interface StoredTokens {
  readonly row: Connection;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  /** Extra token-response fields (e.g. `instance_url`). */
  readonly fields: Record<string, unknown> | null;
}

/** The connection row of (org, connector) straight from the store; undefined when there is none. */
export async function readStoredConnection(store: Store, org: string, connector: string): Promise<Connection | undefined> {
  const record = await store.connectors.getByApiName(connector);
  if (!record) throw new Error(`no connector ${connector}`);
  return store.connections.get(org, record.id);
}

/**
 * The raw tokens of (org, connector), decrypted with the server's key and the row's context
 * (`connection:<org>:<connectorId>:<field>`, the AAD that binds a value to its row and field).
 * Throws when the connection has no row.
 */
export async function readStoredTokens(store: Store, cipher: Cipher, org: string, connector: string): Promise<StoredTokens> {
  const row = await readStoredConnection(store, org, connector);
  if (!row) throw new Error(`no connection ${org}/${connector}`);
  const open = (value: string | null, field: 'access_token' | 'refresh_token' | 'fields') =>
    value === null ? null : cipher.decrypt(value, `connection:${org}:${row.connectorId}:${field}`);
  const fields = open(row.fieldsEncrypted, 'fields');
  return {
    row,
    accessToken: open(row.accessTokenEncrypted, 'access_token'),
    refreshToken: open(row.refreshTokenEncrypted, 'refresh_token'),
    fields: fields === null ? null : (JSON.parse(fields) as Record<string, unknown>),
  };
}
