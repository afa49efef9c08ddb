import type { Org } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbDate } from './column-codec.js';
import type { OrgsTable } from './schema.js';

export function orgFromRow(row: Selectable<OrgsTable>): Org {
  return { id: row.id, name: row.name, createdAt: fromDbDate(row.created_at) };
}
