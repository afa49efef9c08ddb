import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Published connector versions, solutions, releases and installations. Portable types as in
 * 0001 (TEXT, INTEGER, BIGINT epoch ms, JSON as TEXT), plus BYTEA for logo bytes: PostgreSQL's
 * binary type, and in SQLite a declared type with NUMERIC affinity, which stores a BLOB as is
 * (affinity only converts TEXT values; sqlite.org/datatype3.html §3), so both drivers take and
 * return a Buffer.
 *
 * References that must block a delete (a connector used by a solution, release or installation;
 * a solution or release that is installed) have no ON DELETE action, so the services' `in_use`
 * refusals are backed by the database. Everything owned by a row cascades with it.
 */
export const distributionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('connector_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('connector', 'text', (c) => c.notNull())
      .addColumn('support_email', 'text', (c) => c.notNull())
      .addColumn('release_notes', 'text', (c) => c.notNull())
      .addColumn('logo', 'bytea')
      .addColumn('logo_content_type', 'text')
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint('connector_versions_version_check', sql`version >= 1`)
      .addCheckConstraint(
        'connector_versions_logo_content_type_check',
        sql`logo_content_type in ('image/png', 'image/jpeg', 'image/svg+xml')`,
      )
      .addCheckConstraint(
        'connector_versions_logo_check',
        sql`(logo is null and logo_content_type is null) or (logo is not null and logo_content_type is not null)`,
      )
      .execute();
    // Version numbering, lookups by (connector, n), and the target of the composite references below.
    await db.schema
      .createIndex('connector_versions_connector_id_version_key')
      .unique()
      .on('connector_versions')
      .columns(['connector_id', 'version'])
      .execute();
    // Redundant as a key (id is one), but lets installed_connectors reference all three columns at
    // once, so its version_id, connector_id and version cannot disagree.
    await db.schema
      .createIndex('connector_versions_id_connector_id_version_key')
      .unique()
      .on('connector_versions')
      .columns(['id', 'connector_id', 'version'])
      .execute();

    await db.schema
      .createTable('connector_version_apis')
      .addColumn('version_id', 'text', (c) => c.notNull().references('connector_versions.id').onDelete('cascade'))
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_version_apis_pkey', ['version_id', 'api_name'])
      .execute();

    await db.schema
      .createTable('solutions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('solutions_api_name_key').unique().on('solutions').column('api_name').execute();

    await db.schema
      .createTable('solution_connectors')
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('solution_connectors_pkey', ['solution_id', 'connector_id'])
      // Only a published version can be pinned.
      .addForeignKeyConstraint(
        'solution_connectors_version_fkey',
        ['connector_id', 'version'],
        'connector_versions',
        ['connector_id', 'version'],
      )
      .execute();
    // isConnectorReferenced and the reference checks on connector delete.
    await db.schema
      .createIndex('solution_connectors_connector_id_version_idx')
      .on('solution_connectors')
      .columns(['connector_id', 'version'])
      .execute();

    await db.schema
      .createTable('solution_releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('solution_releases_solution_id_version_key')
      .unique()
      .on('solution_releases')
      .columns(['solution_id', 'version'])
      .execute();

    // A release's connectors as rows, so "is this connector in any release" is an indexed query.
    await db.schema
      .createTable('release_connectors')
      .addColumn('release_id', 'text', (c) => c.notNull().references('solution_releases.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id'))
      .addColumn('connector_api_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('release_connectors_pkey', ['release_id', 'connector_id'])
      .addForeignKeyConstraint(
        'release_connectors_version_fkey',
        ['connector_id', 'version'],
        'connector_versions',
        ['connector_id', 'version'],
      )
      .execute();
    await db.schema
      .createIndex('release_connectors_connector_id_version_idx')
      .on('release_connectors')
      .columns(['connector_id', 'version'])
      .execute();

    await db.schema
      .createTable('installations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id'))
      .addColumn('release_id', 'text', (c) => c.notNull().references('solution_releases.id'))
      .addColumn('installed_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('installations_org_id_solution_id_key')
      .unique()
      .on('installations')
      .columns(['org_id', 'solution_id'])
      .execute();
    // countBySolution, and the reference checks on solution and release deletes.
    await db.schema.createIndex('installations_solution_id_idx').on('installations').column('solution_id').execute();
    await db.schema.createIndex('installations_release_id_idx').on('installations').column('release_id').execute();

    await db.schema
      .createTable('installed_connectors')
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id'))
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('solution_ids', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('installed_connectors_pkey', ['org_id', 'connector_id'])
      .addForeignKeyConstraint(
        'installed_connectors_version_fkey',
        ['version_id', 'connector_id', 'version'],
        'connector_versions',
        ['id', 'connector_id', 'version'],
      )
      .execute();
    await db.schema
      .createIndex('installed_connectors_connector_id_idx')
      .on('installed_connectors')
      .column('connector_id')
      .execute();
    await db.schema
      .createIndex('installed_connectors_version_id_idx')
      .on('installed_connectors')
      .column('version_id')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'installed_connectors',
      'installations',
      'release_connectors',
      'solution_releases',
      'solution_connectors',
      'solutions',
      'connector_version_apis',
      'connector_versions',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
