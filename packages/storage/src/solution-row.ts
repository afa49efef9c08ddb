import type { Solution } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbDate } from './column-codec.js';
import type { SolutionsTable } from './schema.js';

export function solutionFromRow(row: Selectable<SolutionsTable>): Solution {
  return {
    id: row.id,
    apiName: row.api_name,
    name: row.name,
    description: row.description,
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}
