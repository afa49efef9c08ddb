import type { Installation } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbDate } from './column-codec.js';
import type { InstallationsTable } from './schema.js';

export function installationFromRow(row: Selectable<InstallationsTable>): Installation {
  return {
    id: row.id,
    orgId: row.org_id,
    solutionId: row.solution_id,
    releaseId: row.release_id,
    installedAt: fromDbDate(row.installed_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}
