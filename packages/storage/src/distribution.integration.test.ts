import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEV_ORG_ID,
  type ApiDefinition,
  type Connector,
  type ConnectorVersion,
  type Logo,
  type Solution,
  type SolutionRelease,
  type Store,
} from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aConnector as baseConnector, anApi as baseApi, anOrg, at, expectSwitchboardError, t0, unique } from './testing/records.js';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

/** The shared record with more to round-trip: non-ASCII params, an issuer, a later updatedAt. */
const aConnector = (overrides: Partial<Connector> = {}): Connector =>
  baseConnector({ description: 'CRM of Acme', authorizationParams: { prompt: 'consent', 'ümlaut': 'ü ✓' }, issuer: 'https://acme.example', updatedAt: at(1), ...overrides });
const anApi = (connectorId: string, overrides: Partial<ApiDefinition> = {}): ApiDefinition => baseApi(connectorId, { updatedAt: at(2), ...overrides });

function aSolution(overrides: Partial<Solution> = {}): Solution {
  return { id: randomUUID(), apiName: unique('sales'), name: 'Sales', description: null, createdAt: t0, updatedAt: t0, ...overrides };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe.each(testDatabases())('distribution storage on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
    await store.orgs.ensure({ id: DEV_ORG_ID, name: 'Development', createdAt: t0 });
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  /** A draft connector with two APIs (inserted out of name order). */
  async function draft(overrides: Partial<Connector> = {}): Promise<{ connector: Connector; apis: ApiDefinition[] }> {
    const connector = aConnector(overrides);
    await store.connectors.insert(connector);
    const apis = [anApi(connector.id, { apiName: unique('z_update') }), anApi(connector.id, { apiName: unique('a_list') })];
    for (const api of apis) await store.apis.insert(api);
    return { connector, apis };
  }

  function publish(
    connector: Connector,
    apis: readonly ApiDefinition[],
    options: { logo?: Logo | null; publishedAt?: Date } = {},
  ): Promise<ConnectorVersion> {
    return store.connectorVersions.publish({
      id: randomUUID(),
      connectorId: connector.id,
      connector,
      apis,
      supportEmail: 'support@acme.example',
      releaseNotes: 'First release.\nWith ümlauts ✓',
      logo: options.logo ?? null,
      publishedAt: options.publishedAt ?? at(10),
    });
  }

  /** A published connector (version 1), a solution pinning it, and a release recording it. */
  async function released(): Promise<{ connector: Connector; version: ConnectorVersion; solution: Solution; release: SolutionRelease }> {
    const { connector, apis } = await draft();
    const version = await publish(connector, apis);
    const solution = aSolution();
    await store.solutions.insert(solution);
    await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: connector.id, version: 1, now: at(20) });
    const release: SolutionRelease = {
      id: randomUUID(),
      solutionId: solution.id,
      version: '1.0.0',
      notes: null,
      connectors: [{ connectorId: connector.id, connectorApiName: connector.apiName, version: 1 }],
      createdAt: at(30),
    };
    await store.releases.insert(release);
    return { connector, version, solution, release };
  }

  describe('connector versions', () => {
    it('numbers versions 1, 2, 3 per connector and lists them newest first', async () => {
      const { connector, apis } = await draft();
      const other = await draft();
      const v1 = await publish(connector, apis);
      const otherV1 = await publish(other.connector, other.apis);
      const v2 = await publish(connector, apis, { publishedAt: at(11) });
      expect([v1.version, v2.version, otherV1.version]).toEqual([1, 2, 1]);
      expect((await store.connectorVersions.list(connector.id)).map((v) => v.version)).toEqual([2, 1]);
      expect(await store.connectorVersions.get(connector.id, 2)).toEqual(v2);
      expect(await store.connectorVersions.getById(v1.id)).toEqual(v1);
      expect(await store.connectorVersions.get(connector.id, 3)).toBeUndefined();
      expect(await store.connectorVersions.getById('missing')).toBeUndefined();
      expect(await store.connectorVersions.list('missing')).toEqual([]);
    });

    it('gives concurrent publishes of one connector distinct consecutive numbers', async () => {
      const { connector, apis } = await draft();
      const published = await Promise.all(Array.from({ length: 8 }, () => publish(connector, apis)));
      expect(published.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await store.connectorVersions.list(connector.id)).map((v) => v.version)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    });

    it('round-trips the snapshot: the connector and its APIs (by apiName), dates included', async () => {
      const { connector, apis } = await draft({ signupUrl: 'https://acme.example/signup', tokenPlacement: { type: 'query', name: 'token' } });
      const published = await publish(connector, apis, { publishedAt: at(12) });
      const sortedApis = [...apis].sort((a, b) => (a.apiName < b.apiName ? -1 : 1));
      const expected: ConnectorVersion = {
        id: published.id,
        connectorId: connector.id,
        version: 1,
        connector,
        apis: sortedApis,
        supportEmail: 'support@acme.example',
        releaseNotes: 'First release.\nWith ümlauts ✓',
        logoContentType: null,
        publishedAt: at(12),
      };
      expect(published).toEqual(expected);
      const read = await store.connectorVersions.get(connector.id, 1);
      expect(read).toEqual(expected);
      expect(read?.connector.createdAt).toBeInstanceOf(Date);
      expect(read?.apis[0]?.updatedAt).toBeInstanceOf(Date);
    });

    it('keeps a published version unchanged when the draft is edited', async () => {
      const { connector, apis } = await draft();
      const published = await publish(connector, apis);
      await store.connectors.update(connector.id, { scopes: ['everything'], tokenUrl: 'https://evil.example/token' }, at(99));
      await store.apis.update(connector.id, apis[0]!.apiName, { url: 'https://evil.example/' }, at(99));
      await store.apis.delete(connector.id, apis[1]!.apiName);
      expect(await store.connectorVersions.get(connector.id, 1)).toEqual(published);
    });

    it('stores the logo byte for byte and reads it separately', async () => {
      const { connector, apis } = await draft();
      // Every byte value, NULs and invalid UTF-8 included, at the 256 KB cap.
      const bytes = new Uint8Array(256 * 1024);
      bytes.set(randomBytes(bytes.length));
      bytes.set(Array.from({ length: 256 }, (_, i) => i));
      const withLogo = await publish(connector, apis, { logo: { contentType: 'image/png', bytes } });
      const withoutLogo = await publish(connector, apis);
      expect(withLogo.logoContentType).toBe('image/png');
      expect((await store.connectorVersions.get(connector.id, 1))?.logoContentType).toBe('image/png');
      const logo = await store.connectorVersions.getLogo(connector.id, 1);
      expect(logo?.contentType).toBe('image/png');
      expect(logo?.bytes).toBeInstanceOf(Uint8Array);
      expect(logo?.bytes.length).toBe(bytes.length);
      expect(Buffer.compare(Buffer.from(logo!.bytes), Buffer.from(bytes))).toBe(0);
      expect(withoutLogo.logoContentType).toBeNull();
      expect(await store.connectorVersions.getLogo(connector.id, 2)).toBeUndefined();
      expect(await store.connectorVersions.getLogo(connector.id, 3)).toBeUndefined();

      const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
      const other = await draft();
      await publish(other.connector, other.apis, { logo: { contentType: 'image/svg+xml', bytes: svg } });
      expect(await store.connectorVersions.getLogo(other.connector.id, 1)).toEqual({ contentType: 'image/svg+xml', bytes: svg });
    });

    it('refuses to publish an unknown connector or reuse a version id', async () => {
      expectSwitchboardError(await rejection(publish(aConnector(), [])), 'not_found');
      const { connector, apis } = await draft();
      const first = await publish(connector, apis);
      const again = store.connectorVersions.publish({ ...first, logo: null });
      expectSwitchboardError(await rejection(again), 'conflict');
      // The failed publish left nothing behind.
      expect((await store.connectorVersions.list(connector.id)).map((v) => v.version)).toEqual([1]);
    });
  });

  describe('solutions', () => {
    it('inserts, reads, lists, updates and deletes', async () => {
      const solution = aSolution({ description: 'Sales tools' });
      await store.solutions.insert(solution);
      expect(await store.solutions.get(solution.id)).toEqual(solution);
      expect(await store.solutions.getByApiName(solution.apiName)).toEqual(solution);
      expect((await store.solutions.list()).map((s) => s.id)).toContain(solution.id);
      const updated = await store.solutions.update(solution.id, { name: 'Renamed', description: null }, at(5));
      expect(updated).toEqual({ ...solution, name: 'Renamed', description: null, updatedAt: at(5) });
      expect(await store.solutions.update('missing', { name: 'x' }, at(5))).toBeUndefined();
      expect(await store.solutions.delete(solution.id)).toBe(true);
      expect(await store.solutions.delete(solution.id)).toBe(false);
      expect(await store.solutions.get(solution.id)).toBeUndefined();
    });

    it('rejects a duplicate apiName with a conflict', async () => {
      const solution = aSolution();
      await store.solutions.insert(solution);
      expectSwitchboardError(await rejection(store.solutions.insert(aSolution({ apiName: solution.apiName }))), 'conflict');
    });

    it('deletes associations and releases with the solution, which frees the connector', async () => {
      const { connector, solution, release } = await released();
      expect(await store.solutionConnectors.isConnectorReferenced(connector.id)).toBe(true);
      expect(await store.solutions.delete(solution.id)).toBe(true);
      expect(await store.releases.getById(release.id)).toBeUndefined();
      expect(await store.solutionConnectors.list(solution.id)).toEqual([]);
      expect(await store.solutionConnectors.isConnectorReferenced(connector.id)).toBe(false);
      expect(await store.connectors.delete(connector.id)).toBe(true);
      expect(await store.connectorVersions.list(connector.id)).toEqual([]);
    });

    it('refuses to delete a solution that is installed (in_use)', async () => {
      const { solution, release } = await released();
      const org = anOrg();
      await store.orgs.insert(org);
      await store.installations.insert({ id: randomUUID(), orgId: org.id, solutionId: solution.id, releaseId: release.id, installedAt: at(40), updatedAt: at(40) });
      expectSwitchboardError(await rejection(store.solutions.delete(solution.id)), 'in_use');
      expect(await store.solutions.get(solution.id)).toBeDefined();
    });
  });

  describe('solution connectors', () => {
    it('pins, moves the pin, lists by connector apiName and unpins', async () => {
      const a = await draft({ apiName: unique('b_second') });
      const b = await draft({ apiName: unique('a_first') });
      await publish(a.connector, a.apis);
      await publish(a.connector, a.apis);
      await publish(b.connector, b.apis);
      const solution = aSolution();
      await store.solutions.insert(solution);

      const pinned = await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: a.connector.id, version: 1, now: at(1) });
      expect(pinned).toEqual({ solutionId: solution.id, connectorId: a.connector.id, connectorApiName: a.connector.apiName, version: 1, updatedAt: at(1) });
      const moved = await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: a.connector.id, version: 2, now: at(2) });
      expect(moved).toEqual({ ...pinned, version: 2, updatedAt: at(2) });
      await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: b.connector.id, version: 1, now: at(3) });
      expect((await store.solutionConnectors.list(solution.id)).map((s) => [s.connectorApiName, s.version])).toEqual([
        [b.connector.apiName, 1],
        [a.connector.apiName, 2],
      ]);

      expect(await store.solutionConnectors.unpin(solution.id, a.connector.id)).toBe(true);
      expect(await store.solutionConnectors.unpin(solution.id, a.connector.id)).toBe(false);
      expect((await store.solutionConnectors.list(solution.id)).map((s) => s.connectorId)).toEqual([b.connector.id]);
    });

    it('refuses to pin an unpublished version or an unknown solution (not_found)', async () => {
      const { connector, apis } = await draft();
      await publish(connector, apis);
      const solution = aSolution();
      await store.solutions.insert(solution);
      const unpublished = store.solutionConnectors.pin({ solutionId: solution.id, connectorId: connector.id, version: 2, now: t0 });
      expectSwitchboardError(await rejection(unpublished), 'not_found');
      const noSolution = store.solutionConnectors.pin({ solutionId: 'missing', connectorId: connector.id, version: 1, now: t0 });
      expectSwitchboardError(await rejection(noSolution), 'not_found');
    });

    it('reports a connector as referenced while a solution associates it or a release records it', async () => {
      const { connector, apis } = await draft();
      await publish(connector, apis);
      expect(await store.solutionConnectors.isConnectorReferenced(connector.id)).toBe(false);
      const solution = aSolution();
      await store.solutions.insert(solution);
      await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: connector.id, version: 1, now: t0 });
      expect(await store.solutionConnectors.isConnectorReferenced(connector.id)).toBe(true);
      await store.releases.insert({
        id: randomUUID(),
        solutionId: solution.id,
        version: '0.1.0',
        notes: null,
        connectors: [{ connectorId: connector.id, connectorApiName: connector.apiName, version: 1 }],
        createdAt: t0,
      });
      await store.solutionConnectors.unpin(solution.id, connector.id);
      expect(await store.solutionConnectors.isConnectorReferenced(connector.id)).toBe(true);
      // The database backs the services' in_use refusal.
      await expect(store.connectors.delete(connector.id)).rejects.toThrow();
      expect(await store.connectors.get(connector.id)).toBeDefined();
    });
  });

  describe('releases', () => {
    it('round-trips a release with its connectors and lists newest first', async () => {
      const { solution, release, connector } = await released();
      expect(await store.releases.getById(release.id)).toEqual(release);
      expect(await store.releases.get(solution.id, '1.0.0')).toEqual(release);
      expect(await store.releases.get(solution.id, '9.9.9')).toBeUndefined();

      const empty = (version: string, createdAt: Date): SolutionRelease => ({
        id: randomUUID(),
        solutionId: solution.id,
        version,
        notes: `notes of ${version}`,
        connectors: [],
        createdAt,
      });
      // Same instant: semver precedence decides (1.10.0 > 1.9.0 > 1.9.0-rc.1).
      for (const r of [empty('1.9.0-rc.1', at(50)), empty('1.10.0', at(50)), empty('1.9.0', at(50)), empty('2.0.0', at(60))]) {
        await store.releases.insert(r);
      }
      expect((await store.releases.list(solution.id)).map((r) => r.version)).toEqual(['2.0.0', '1.10.0', '1.9.0', '1.9.0-rc.1', '1.0.0']);
      expect((await store.releases.list(solution.id)).at(-1)?.connectors).toEqual([
        { connectorId: connector.id, connectorApiName: connector.apiName, version: 1 },
      ]);
    });

    it('rejects a duplicate version of one solution with a conflict, and writes nothing of it', async () => {
      const { solution, release } = await released();
      const duplicate = store.releases.insert({ ...release, id: randomUUID(), notes: 'again' });
      expectSwitchboardError(await rejection(duplicate), 'conflict');
      expect(await store.releases.list(solution.id)).toEqual([release]);
      // The same version in another solution is fine.
      const other = aSolution();
      await store.solutions.insert(other);
      await store.releases.insert({ ...release, id: randomUUID(), solutionId: other.id });
      expect((await store.releases.list(other.id)).map((r) => r.version)).toEqual(['1.0.0']);
    });

    it('refuses a release recording an unpublished connector version, atomically', async () => {
      const { solution, connector } = await released();
      const bad = store.releases.insert({
        id: randomUUID(),
        solutionId: solution.id,
        version: '2.0.0',
        notes: null,
        connectors: [{ connectorId: connector.id, connectorApiName: connector.apiName, version: 7 }],
        createdAt: t0,
      });
      expectSwitchboardError(await rejection(bad), 'not_found');
      expect(await store.releases.get(solution.id, '2.0.0')).toBeUndefined();
    });
  });

  describe('installations', () => {
    it('inserts, reads, lists, upgrades, counts and deletes', async () => {
      const { solution, release } = await released();
      const next: SolutionRelease = { ...release, id: randomUUID(), version: '1.1.0', createdAt: at(31) };
      await store.releases.insert(next);
      const [org, other] = [anOrg(), anOrg()];
      await store.orgs.insert(org);
      await store.orgs.insert(other);
      const installation = { id: randomUUID(), orgId: org.id, solutionId: solution.id, releaseId: release.id, installedAt: at(40), updatedAt: at(40) };
      await store.installations.insert(installation);
      expect(await store.installations.get(org.id, solution.id)).toEqual(installation);
      expect(await store.installations.get(other.id, solution.id)).toBeUndefined();
      expect(await store.installations.listByOrg(org.id)).toEqual([installation]);
      expect(await store.installations.countBySolution(solution.id)).toBe(1);

      expectSwitchboardError(await rejection(store.installations.insert({ ...installation, id: randomUUID() })), 'conflict');

      await store.installations.insert({ ...installation, id: randomUUID(), orgId: other.id });
      expect(await store.installations.countBySolution(solution.id)).toBe(2);

      const upgraded = await store.installations.setRelease(org.id, solution.id, next.id, at(41));
      expect(upgraded).toEqual({ ...installation, releaseId: next.id, updatedAt: at(41) });
      expect(await store.installations.setRelease(org.id, 'missing', next.id, at(41))).toBeUndefined();
      expectSwitchboardError(await rejection(store.installations.setRelease(org.id, solution.id, 'missing', at(42))), 'not_found');

      expect(await store.installations.delete(org.id, solution.id)).toBe(true);
      expect(await store.installations.delete(org.id, solution.id)).toBe(false);
      expect(await store.installations.countBySolution(solution.id)).toBe(1);
      expect(await store.installations.countBySolution('missing')).toBe(0);
    });

    it('refuses to install an unknown release (not_found)', async () => {
      const { solution } = await released();
      const org = anOrg();
      await store.orgs.insert(org);
      const bad = store.installations.insert({ id: randomUUID(), orgId: org.id, solutionId: solution.id, releaseId: 'missing', installedAt: t0, updatedAt: t0 });
      expectSwitchboardError(await rejection(bad), 'not_found');
    });
  });

  describe('installed connectors and org connectors', () => {
    it('replaces an org’s whole set at once', async () => {
      const first = await released();
      const second = await released();
      const org = anOrg();
      await store.orgs.insert(org);
      const one = { orgId: org.id, connectorId: first.connector.id, versionId: first.version.id, version: 1, solutionIds: [first.solution.id] };
      const two = { orgId: org.id, connectorId: second.connector.id, versionId: second.version.id, version: 1, solutionIds: [second.solution.id, first.solution.id] };
      await store.installedConnectors.replaceForOrg(org.id, [one, two]);
      const sortById = <T extends { connectorId: string }>(items: T[]): T[] => items.sort((a, b) => (a.connectorId < b.connectorId ? -1 : 1));
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual(sortById([one, two]));
      await store.installedConnectors.replaceForOrg(org.id, [two]);
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual([two]);
      // A failing replacement (duplicate connector) keeps the previous set.
      expectSwitchboardError(await rejection(store.installedConnectors.replaceForOrg(org.id, [one, one])), 'conflict');
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual([two]);
      // The version id, connector and number must name one published version.
      const mismatched = { ...one, versionId: second.version.id };
      expectSwitchboardError(await rejection(store.installedConnectors.replaceForOrg(org.id, [mismatched])), 'not_found');
      expectSwitchboardError(await rejection(store.installedConnectors.replaceForOrg(org.id, [{ ...one, version: 2 }])), 'not_found');
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual([two]);
      await store.installedConnectors.replaceForOrg(org.id, []);
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual([]);
    });

    it('resolves drafts for dev and the installed snapshot, version and solutions for other orgs', async () => {
      const { connector, version, solution } = await released();
      const second = aSolution({ apiName: unique('a_support') });
      await store.solutions.insert(second);
      const org = anOrg();
      await store.orgs.insert(org);
      const edited = await store.connectors.update(connector.id, { name: 'Draft name' }, at(70));

      expect(await store.orgConnectors.resolve(DEV_ORG_ID, connector.apiName)).toEqual({ connector: edited, version: null, solutions: [] });
      expect((await store.orgConnectors.list(DEV_ORG_ID)).find((c) => c.connector.id === connector.id)).toEqual({
        connector: edited,
        version: null,
        solutions: [],
      });

      expect(await store.orgConnectors.resolve(org.id, connector.apiName)).toBeUndefined();
      expect(await store.orgConnectors.list(org.id)).toEqual([]);

      await store.installedConnectors.replaceForOrg(org.id, [
        { orgId: org.id, connectorId: connector.id, versionId: version.id, version: 1, solutionIds: [solution.id, second.id] },
      ]);
      const expected = { connector, version: 1, solutions: [second.apiName, solution.apiName].sort() };
      expect(await store.orgConnectors.resolve(org.id, connector.apiName)).toEqual(expected);
      expect(await store.orgConnectors.list(org.id)).toEqual([expected]);
      expect(await store.orgConnectors.resolve(org.id, 'missing')).toBeUndefined();
      expect(await store.orgConnectors.resolve('missing-org', connector.apiName)).toBeUndefined();
    });

    it('lists an org’s connectors by connector apiName', async () => {
      const later = await draft({ apiName: unique('zz_later') });
      const earlier = await draft({ apiName: unique('aa_earlier') });
      const org = anOrg();
      await store.orgs.insert(org);
      const items = [];
      for (const d of [later, earlier]) {
        const v = await publish(d.connector, d.apis);
        items.push({ orgId: org.id, connectorId: d.connector.id, versionId: v.id, version: 1, solutionIds: [] });
      }
      await store.installedConnectors.replaceForOrg(org.id, items);
      expect((await store.orgConnectors.list(org.id)).map((c) => c.connector.apiName)).toEqual([earlier.connector.apiName, later.connector.apiName]);
    });
  });

  describe('invocations for a subscriber org', () => {
    it('loads the installed version’s API, even after the draft changes, and follows an upgrade', async () => {
      const { connector, apis } = await draft();
      const api = apis[0]!;
      const v1 = await publish(connector, apis);
      const org = anOrg();
      await store.orgs.insert(org);
      await store.installedConnectors.replaceForOrg(org.id, [{ orgId: org.id, connectorId: connector.id, versionId: v1.id, version: 1, solutionIds: [] }]);
      const connection = await store.connections.saveAuthorized({
        idIfNew: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        tokens: { accessTokenEncrypted: 'a', refreshTokenEncrypted: null, tokenType: 'bearer', expiresAt: null, fieldsEncrypted: null, scopes: [] },
        consentedVersion: 1,
        now: at(80),
      });

      const before = await store.invocations.load(org.id, connector.apiName, api.apiName);
      expect(before).toEqual({ org, connector, api, connection });

      const editedConnector = await store.connectors.update(connector.id, { tokenPlacement: { type: 'query', name: 'changed' } }, at(81));
      const editedApi = await store.apis.update(connector.id, api.apiName, { url: 'https://acme.example/v2/contacts' }, at(81));
      const after = await store.invocations.load(org.id, connector.apiName, api.apiName);
      expect(after).toEqual({ org, connector, api, connection });
      // `dev` sees the drafts.
      const dev = await store.invocations.load(DEV_ORG_ID, connector.apiName, api.apiName);
      expect(dev.connector).toEqual(editedConnector);
      expect(dev.api).toEqual(editedApi);

      const v2 = await publish(editedConnector!, [editedApi!]);
      await store.installedConnectors.replaceForOrg(org.id, [{ orgId: org.id, connectorId: connector.id, versionId: v2.id, version: 2, solutionIds: [] }]);
      const upgraded = await store.invocations.load(org.id, connector.apiName, api.apiName);
      expect(upgraded).toEqual({ org, connector: editedConnector, api: editedApi, connection });
      // An API the installed version lacks.
      const missingApi = await store.invocations.load(org.id, connector.apiName, apis[1]!.apiName);
      expect(missingApi).toEqual({ org, connector: editedConnector, api: undefined, connection });
    });

    it('reports a connector that is not installed in the org as undefined, connection included', async () => {
      const { connector, apis } = await draft();
      await publish(connector, apis);
      const org = anOrg();
      await store.orgs.insert(org);
      // A connection row left from an earlier installation must not surface.
      await store.connections.saveAuthorized({
        idIfNew: randomUUID(),
        orgId: org.id,
        connectorId: connector.id,
        tokens: { accessTokenEncrypted: 'a', refreshTokenEncrypted: null, tokenType: null, expiresAt: null, fieldsEncrypted: null, scopes: [] },
        consentedVersion: 1,
        now: at(80),
      });
      expect(await store.invocations.load(org.id, connector.apiName, apis[0]!.apiName)).toEqual({
        org,
        connector: undefined,
        api: undefined,
        connection: undefined,
      });
      expect(await store.invocations.load(org.id, 'missing', 'missing')).toEqual({ org, connector: undefined, api: undefined, connection: undefined });
      expect(await store.invocations.load('missing-org', connector.apiName, apis[0]!.apiName)).toEqual({
        org: undefined,
        connector: undefined,
        api: undefined,
        connection: undefined,
      });
    });
  });

  describe('inside Store.transaction', () => {
    it('commits a publish and an installed set together, or neither', async () => {
      const { connector, apis } = await draft();
      const org = anOrg();
      await store.orgs.insert(org);
      const failed = store.transaction(async (tx) => {
        const v = await tx.connectorVersions.publish({
          id: randomUUID(), connectorId: connector.id, connector, apis, supportEmail: 's@acme.example', releaseNotes: 'n', logo: null, publishedAt: t0,
        });
        await tx.installedConnectors.replaceForOrg(org.id, [{ orgId: org.id, connectorId: connector.id, versionId: v.id, version: v.version, solutionIds: [] }]);
        throw new Error('roll back');
      });
      await expect(failed).rejects.toThrow('roll back');
      expect(await store.connectorVersions.list(connector.id)).toEqual([]);
      expect(await store.installedConnectors.listByOrg(org.id)).toEqual([]);

      const version = await store.transaction(async (tx) => {
        const v = await tx.connectorVersions.publish({
          id: randomUUID(), connectorId: connector.id, connector, apis, supportEmail: 's@acme.example', releaseNotes: 'n', logo: null, publishedAt: t0,
        });
        await tx.installedConnectors.replaceForOrg(org.id, [{ orgId: org.id, connectorId: connector.id, versionId: v.id, version: v.version, solutionIds: [] }]);
        return v.version;
      });
      expect(version).toBe(1);
      expect((await store.installedConnectors.listByOrg(org.id)).map((i) => i.version)).toEqual([1]);
    });
  });
});
