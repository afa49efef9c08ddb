import type { Migration } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { distributionMigration } from './0002-distribution.js';
import { accessAndEventsMigration } from './0003-access-and-events.js';
import { jobsMigration } from './0004-jobs.js';
import { functionsMigration } from './0005-functions.js';
import { webhooksMigration } from './0006-webhooks.js';
import { actionsMigration } from './0007-actions.js';
import { consoleSessionsMigration } from './0008-console-sessions.js';

/**
 * Every migration, keyed by name; kysely runs them in key order. Listed in code rather than
 * scanned from a folder so they work from any cwd and inside a bundle. Never rename a key: it is
 * recorded in the database.
 */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
  '0002-distribution': distributionMigration,
  '0003-access-and-events': accessAndEventsMigration,
  '0004-jobs': jobsMigration,
  '0005-functions': functionsMigration,
  '0006-webhooks': webhooksMigration,
  '0007-actions': actionsMigration,
  '0008-console-sessions': consoleSessionsMigration,
});
