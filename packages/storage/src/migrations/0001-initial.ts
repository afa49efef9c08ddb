import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The initial schema, written once for both dialects with portable types only: TEXT, INTEGER
 * (booleans as 0/1, token_generation) and BIGINT (epoch-ms dates). JSON lives in TEXT so neither
 * dialect's JSON type semantics leak into the repositories.
 */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('orgs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('connectors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('service_name', 'text', (c) => c.notNull())
      .addColumn('signup_url', 'text')
      .addColumn('authorization_url', 'text', (c) => c.notNull())
      .addColumn('token_url', 'text', (c) => c.notNull())
      .addColumn('refresh_url', 'text')
      .addColumn('revoke_url', 'text')
      .addColumn('revoke_using', 'text')
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('scope_separator', 'text', (c) => c.notNull())
      .addColumn('pkce', 'integer', (c) => c.notNull())
      .addColumn('client_auth_method', 'text', (c) => c.notNull())
      .addColumn('authorization_params', 'text', (c) => c.notNull())
      .addColumn('token_params', 'text', (c) => c.notNull())
      .addColumn('token_placement', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint('connectors_pkce_check', sql`pkce in (0, 1)`)
      .addCheckConstraint('connectors_revoke_using_check', sql`revoke_using in ('access_token', 'refresh_token')`)
      .addCheckConstraint(
        'connectors_client_auth_method_check',
        sql`client_auth_method in ('client_secret_post', 'client_secret_basic')`,
      )
      .execute();
    await db.schema.createIndex('connectors_api_name_key').unique().on('connectors').column('api_name').execute();

    await db.schema
      .createTable('connector_credentials')
      .addColumn('connector_id', 'text', (c) => c.primaryKey().references('connectors.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_secret_encrypted', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('apis')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // Also serves the cascade from connectors (connector_id is its leading column).
    await db.schema
      .createIndex('apis_connector_id_api_name_key')
      .unique()
      .on('apis')
      .columns(['connector_id', 'api_name'])
      .execute();

    await db.schema
      .createTable('connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('access_token_encrypted', 'text')
      .addColumn('refresh_token_encrypted', 'text')
      .addColumn('token_type', 'text')
      .addColumn('expires_at', 'bigint')
      .addColumn('fields_encrypted', 'text')
      .addColumn('authorized_at', 'bigint')
      .addColumn('last_refreshed_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('token_generation', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint(
        'connections_status_check',
        sql`status in ('authorized', 'not_authorized', 'needs_reauthorization')`,
      )
      .execute();
    // The upsert target of saveAuthorized; also serves lookups by org.
    await db.schema
      .createIndex('connections_org_id_connector_id_key')
      .unique()
      .on('connections')
      .columns(['org_id', 'connector_id'])
      .execute();
    // listLiveByConnector and the cascade from connectors.
    await db.schema.createIndex('connections_connector_id_idx').on('connections').column('connector_id').execute();

    await db.schema
      .createTable('authorization_requests')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('code_verifier_encrypted', 'text')
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('authorization_requests_expires_at_idx')
      .on('authorization_requests')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('authorization_requests_connector_id_idx')
      .on('authorization_requests')
      .column('connector_id')
      .execute();
    await db.schema
      .createIndex('authorization_requests_org_id_idx')
      .on('authorization_requests')
      .column('org_id')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['authorization_requests', 'connections', 'apis', 'connector_credentials', 'connectors', 'orgs']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
