import type { ApiDefinition } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbDate, fromDbJson } from './column-codec.js';
import type { ApisTable } from './schema.js';

export function apiFromRow(row: Selectable<ApisTable>): ApiDefinition {
  return {
    id: row.id,
    connectorId: row.connector_id,
    apiName: row.api_name,
    name: row.name,
    description: row.description,
    method: row.method,
    url: row.url,
    headers: fromDbJson<ApiDefinition['headers']>(row.headers),
    query: fromDbJson<ApiDefinition['query']>(row.query),
    body: fromDbJson<ApiDefinition['body']>(row.body),
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}
