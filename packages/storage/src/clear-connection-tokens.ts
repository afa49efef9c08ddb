import type { Kysely } from 'kysely';
import { toDbDate, toDbJson } from './column-codec.js';
import type { Database } from './schema.js';

/**
 * Drops a connection's tokens: status `not_authorized`, token fields null. Clearing is a token
 * change, so the generation moves too; the granted scopes go with the tokens. Shared by
 * `connections.clearTokens` and the locked `clearTokens` (revocation). Returns whether the row
 * exists (and was cleared).
 */
export async function clearConnectionTokens(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('connections')
    .set((eb) => ({
      status: 'not_authorized',
      scopes: toDbJson([]),
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      token_type: null,
      expires_at: null,
      fields_encrypted: null,
      token_generation: eb('token_generation', '+', 1),
      updated_at: toDbDate(now),
    }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
