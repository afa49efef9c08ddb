const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Only plain lowercase identifiers: the name is placed unquoted into `search_path` (where
 * PostgreSQL would fold case) and quoted elsewhere, and both must name the same schema.
 */
export function assertSchemaName(schema: string): void {
  if (!schemaNamePattern.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name: use lowercase letters, digits and _ (got ${JSON.stringify(schema)})`);
  }
}
