import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** Models whose records carry a `grantId` and must disappear when their grant is revoked. */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

interface StoredRecord {
  model: string;
  id: string;
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when the provider gave no TTL. */
  expiresAt: number;
}

/** The demo's storage, shared by every model adapter of one provider. */
export interface MemoryStorage {
  /** The factory handed to oidc-provider's `adapter` option. */
  adapterFactory: AdapterFactory;
  /** Deletes every stored record of one model (e.g. all AccessTokens); returns how many. */
  destroyAll(model: string): number;
}

/**
 * An in-memory oidc-provider adapter, one per demo instance.
 *
 * Written here rather than using the library's built-in one because that one is a module-level
 * singleton capped at 1,000 LRU entries (records silently evicted under load) and prints a
 * production warning on every start; the demo needs isolated instances per test and a way to
 * destroy every access token at once (`invalidateIssuedAccessTokens`).
 */
export function createMemoryStorage(clockToleranceSeconds: number): MemoryStorage {
  const records = new Map<string, StoredRecord>();
  const grantMembers = new Map<string, Set<string>>();
  const sessionUids = new Map<string, string>();
  const userCodes = new Map<string, string>();

  const keyOf = (model: string, id: string): string => `${model}:${id}`;

  const live = (key: string): StoredRecord | undefined => {
    const record = records.get(key);
    if (record && record.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    return record;
  };

  const remove = (key: string): void => {
    const record = records.get(key);
    if (!record) return;
    records.delete(key);
    const { payload } = record;
    if (payload.uid !== undefined && sessionUids.get(payload.uid) === record.id) sessionUids.delete(payload.uid);
    if (payload.userCode !== undefined && userCodes.get(payload.userCode) === record.id) userCodes.delete(payload.userCode);
    if (payload.grantId !== undefined) grantMembers.get(payload.grantId)?.delete(key);
  };

  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const key = keyOf(this.model, id);
      remove(key);
      // The clock tolerance keeps a record findable for as long as the provider itself would
      // still accept it, as the provider's own adapter does.
      const expiresAt = typeof expiresIn === 'number'
        ? Date.now() + (expiresIn + clockToleranceSeconds) * 1000
        : Infinity;
      records.set(key, { model: this.model, id, payload, expiresAt });
      if (this.model === 'Session' && payload.uid !== undefined) sessionUids.set(payload.uid, id);
      if (payload.userCode !== undefined) userCodes.set(payload.userCode, id);
      if (GRANTABLE.has(this.model) && payload.grantId !== undefined) {
        const members = grantMembers.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        grantMembers.set(payload.grantId, members);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(keyOf(this.model, id))?.payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = sessionUids.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = userCodes.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const record = live(keyOf(this.model, id));
      // Epoch seconds, as oidc-provider compares it with its own clock.
      if (record) record.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      remove(keyOf(this.model, id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const members = grantMembers.get(grantId);
      grantMembers.delete(grantId);
      for (const key of members ?? []) remove(key);
    }
  }

  return {
    adapterFactory: (model) => new MemoryAdapter(model),
    destroyAll(model) {
      let count = 0;
      for (const [key, record] of [...records]) {
        if (record.model === model) {
          remove(key);
          count += 1;
        }
      }
      return count;
    },
  };
}
