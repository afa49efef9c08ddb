import type { Actor, AuthorizationRequest, AuthorizationRequestRepository } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from './column-codec.js';
import type { AuthorizationRequestsTable, Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function fromRow(row: Selectable<AuthorizationRequestsTable>): AuthorizationRequest {
  return {
    stateHash: row.state_hash,
    orgId: row.org_id,
    connectorId: row.connector_id,
    codeVerifierEncrypted: row.code_verifier_encrypted,
    redirectUri: row.redirect_uri,
    returnTo: row.return_to,
    connectorVersion: row.connector_version,
    openerOrigin: row.opener_origin,
    actor: fromDbJson<Actor>(row.actor),
    expiresAt: fromDbDate(row.expires_at),
    createdAt: fromDbDate(row.created_at),
  };
}

export function createAuthorizationRequestRepository(db: Kysely<Database>): AuthorizationRequestRepository {
  return {
    async insert(request) {
      try {
        await db
          .insertInto('authorization_requests')
          .values({
            state_hash: request.stateHash,
            org_id: request.orgId,
            connector_id: request.connectorId,
            code_verifier_encrypted: request.codeVerifierEncrypted,
            redirect_uri: request.redirectUri,
            return_to: request.returnTo,
            connector_version: request.connectorVersion,
            opener_origin: request.openerOrigin,
            actor: toDbJson(request.actor),
            expires_at: toDbDate(request.expiresAt),
            created_at: toDbDate(request.createdAt),
          })
          .execute();
      } catch (error) {
        // The state hash is not named: it identifies a pending authorization.
        throw translateDatabaseError(error, {
          conflict: 'an authorization request with this state already exists',
          missingReference: `org ${request.orgId} or connector ${request.connectorId} does not exist`,
        });
      }
    },

    /**
     * One DELETE … RETURNING: of concurrent callbacks replaying the same state, the database lets
     * exactly one delete the row and see it. Expiry is the caller's check (it owns the clock).
     */
    async consume(stateHash) {
      const row = await db
        .deleteFrom('authorization_requests')
        .where('state_hash', '=', stateHash)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async deleteExpired(now) {
      const result = await db
        .deleteFrom('authorization_requests')
        .where('expires_at', '<=', toDbDate(now))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
