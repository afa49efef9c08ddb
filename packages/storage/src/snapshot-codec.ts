import type { ApiDefinition, Connector } from '@switchboard/core';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from './column-codec.js';

/** A record as a published snapshot stores it: every field as is, its dates in epoch ms. */
type Stored<T> = Omit<T, 'createdAt' | 'updatedAt'> & { readonly createdAt: number; readonly updatedAt: number };

export type StoredConnector = Stored<Connector>;
export type StoredApiDefinition = Stored<ApiDefinition>;

/**
 * Published snapshots keep the whole record in one JSON column: a version is immutable, so it is
 * never queried by field, and new Connector fields need no migration of old versions. Dates are
 * epoch ms like every other date of the store (JSON.stringify would turn them into strings).
 */
function toStored<T extends { readonly createdAt: Date; readonly updatedAt: Date }>(record: T): string {
  return toDbJson({ ...record, createdAt: toDbDate(record.createdAt), updatedAt: toDbDate(record.updatedAt) });
}

function fromStored<T extends { readonly createdAt: Date; readonly updatedAt: Date }>(text: string): T {
  const stored = fromDbJson<Stored<T>>(text);
  // The spread of a generic Omit is not provably a T to the compiler; it is one field by field.
  return { ...stored, createdAt: fromDbDate(stored.createdAt), updatedAt: fromDbDate(stored.updatedAt) } as unknown as T;
}

export const connectorToSnapshot = (connector: Connector): string => toStored(connector);
export const connectorFromSnapshot = (text: string): Connector => fromStored<Connector>(text);
export const apiToSnapshot = (api: ApiDefinition): string => toStored(api);
export const apiFromSnapshot = (text: string): ApiDefinition => fromStored<ApiDefinition>(text);
