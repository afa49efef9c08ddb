import type { ReleaseView, SolutionConnectorView, SolutionView } from '@switchboard/contracts';
import { testDatabases } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type TestEnvironment } from './testing/test-environment.js';

/**
 * Solutions, pinned connector versions and releases over a real socket on both databases, with
 * the guards that keep releases meaningful: increasing semver, immutable records, and no
 * deleting what a release or an installed org still points at.
 */
describe.each(testDatabases())('solutions and releases on $name', (database) => {
  let env: TestEnvironment;
  let solutions = 0;

  beforeAll(async () => {
    env = await createTestEnvironment({ database });
  });

  afterAll(async () => {
    await env?.close();
  });

  const newSolution = async (extra: Record<string, unknown> = {}): Promise<string> => {
    solutions += 1;
    const apiName = `suite_${solutions}`;
    const created = await env.request<SolutionView>('POST', '/v1/solutions', { apiName, name: `Suite ${solutions}`, ...extra });
    expect(created.status, created.text).toBe(201);
    return apiName;
  };
  const pin = (solution: string, connector: string, version: number) => env.request<SolutionConnectorView>('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version });
  const release = (solution: string, version: string, notes?: string) =>
    env.request<ReleaseView>('POST', `/v1/solutions/${solution}/releases`, { version, ...(notes === undefined ? {} : { notes }) });

  it('creates, lists, gets, changes and deletes a solution', async () => {
    const created = await env.request<SolutionView>('POST', '/v1/solutions', { apiName: 'crm_suite', name: 'CRM suite', description: 'Everything CRM.' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ apiName: 'crm_suite', name: 'CRM suite', description: 'Everything CRM.' });
    expect(Object.keys(created.body).sort()).toEqual(['apiName', 'createdAt', 'description', 'id', 'name', 'updatedAt']);

    expectProblem(await env.request('POST', '/v1/solutions', { apiName: 'crm_suite', name: 'Again' }), 409, 'conflict');
    expect((await env.request<{ items: SolutionView[] }>('GET', '/v1/solutions')).body.items.map((s) => s.apiName)).toContain('crm_suite');
    expect((await env.request<SolutionView>('GET', '/v1/solutions/crm_suite')).body).toEqual(created.body);

    const changed = await env.request<SolutionView>('PATCH', '/v1/solutions/crm_suite', { name: 'CRM', description: null });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ apiName: 'crm_suite', name: 'CRM', description: null, id: created.body.id });
    expectProblem(await env.request('PATCH', '/v1/solutions/crm_suite', { apiName: 'other' }), 400, 'validation_failed');

    expect((await env.request('DELETE', '/v1/solutions/crm_suite')).status).toBe(204);
    expectProblem(await env.request('GET', '/v1/solutions/crm_suite'), 404, 'not_found');
    expectProblem(await env.request('DELETE', '/v1/solutions/crm_suite'), 404, 'not_found');
  });

  it('refuses bad solution input and unknown names', async () => {
    for (const payload of [{ name: 'No api name' }, { apiName: 'Bad Name', name: 'x' }, { apiName: 'ok_name' }, { apiName: 'ok_name', name: 'x', extra: 1 }]) {
      expectProblem(await env.request('POST', '/v1/solutions', payload), 400, 'validation_failed');
    }
    for (const path of ['/v1/solutions/nosuch', '/v1/solutions/nosuch/connectors', '/v1/solutions/nosuch/releases', '/v1/solutions/NOT-A-NAME', '/v1/solutions/nosuch/releases/1.0.0']) {
      expectProblem(await env.request('GET', path), 404, 'not_found');
    }
  });

  it('pins published versions only, lists the pins, moves and removes them', async () => {
    const connector = await env.newConnector();
    const solution = await newSolution();
    expectProblem(await pin(solution, connector, 1), 404, 'not_found'); // nothing published yet
    expect(await env.publish(connector)).toBe(1);
    expectProblem(await pin(solution, connector, 2), 404, 'not_found');
    expectProblem(await pin(solution, 'nosuchconnector', 1), 404, 'not_found');
    expectProblem(await pin('nosuch', connector, 1), 404, 'not_found');
    expectProblem(await env.request('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version: 'one' }), 400, 'validation_failed');
    expectProblem(await env.request('PUT', `/v1/solutions/${solution}/connectors/${connector}`, { version: 0 }), 400, 'validation_failed');

    const pinned = await pin(solution, connector, 1);
    expect(pinned.status, pinned.text).toBe(200);
    expect(pinned.body).toMatchObject({ connector, version: 1, logoContentType: 'image/png', logoUrl: `/v1/connectors/${connector}/versions/1/logo` });
    const connectorName = (await env.request<{ name: string }>('GET', `/v1/connectors/${connector}`)).body.name;
    expect(pinned.body.name).toBe(connectorName);

    expect(await env.publish(connector)).toBe(2);
    expect((await pin(solution, connector, 2)).body.version).toBe(2);
    const listed = await env.request<{ items: SolutionConnectorView[] }>('GET', `/v1/solutions/${solution}/connectors`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ connector, version: 2 });

    expect((await env.request('DELETE', `/v1/solutions/${solution}/connectors/${connector}`)).status).toBe(204);
    expectProblem(await env.request('DELETE', `/v1/solutions/${solution}/connectors/${connector}`), 404, 'not_found');
    expect((await env.request<{ items: unknown[] }>('GET', `/v1/solutions/${solution}/connectors`)).body.items).toEqual([]);
  });

  it('releases need a connector and increasing semantic versions', async () => {
    const connector = await env.newConnector();
    const solution = await newSolution();
    const empty = expectProblem(await release(solution, '1.0.0'), 409, 'conflict');
    expect(empty['reason']).toBe('no_connectors');
    expect(empty.detail).toContain('no connectors');

    await env.publish(connector);
    expect((await pin(solution, connector, 1)).status).toBe(200);
    const first = await release(solution, '1.0.0', 'First.');
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ solution, version: '1.0.0', notes: 'First.', connectors: [{ connector, version: 1 }] });
    expect((await release(solution, '1.0.1')).status).toBe(201);

    for (const version of ['1.0.0', '1.0.1', '0.9.9', '1.0.1+build.7', '1.0.1-rc.1']) {
      const problem = expectProblem(await release(solution, version), 409, 'version_not_increasing');
      expect(problem['latest']).toBe('1.0.1');
    }
    for (const version of ['v2.0.0', '2.0', 'latest', ' 2.0.0', '', '01.0.0']) {
      expectProblem(await release(solution, version), 400, 'validation_failed');
    }
    // Pre-releases of a higher version are greater (semver.org §11).
    expect((await release(solution, '1.1.0-beta.1')).status).toBe(201);
    expect((await release(solution, '1.1.0')).status).toBe(201);

    const listed = await env.request<{ items: ReleaseView[] }>('GET', `/v1/solutions/${solution}/releases`);
    expect(listed.body.items.map((r) => r.version)).toEqual(['1.1.0', '1.1.0-beta.1', '1.0.1', '1.0.0']);
    expect((await env.request<ReleaseView>('GET', `/v1/solutions/${solution}/releases/1.1.0-beta.1`)).body.version).toBe('1.1.0-beta.1');
    expectProblem(await env.request('GET', `/v1/solutions/${solution}/releases/9.9.9`), 404, 'not_found');
    expectProblem(await env.request('GET', `/v1/solutions/${solution}/releases/not-semver`), 404, 'not_found');
  });

  it('a release records the pins when cut and stays unchanged after re-pinning and dissociating', async () => {
    const [a, b] = [await env.newConnector(), await env.newConnector()];
    const solution = await newSolution();
    await env.publish(a);
    await env.publish(b);
    await pin(solution, a, 1);
    await pin(solution, b, 1);
    const cut = await release(solution, '1.0.0');
    expect(cut.status, cut.text).toBe(201);
    const recorded = [...cut.body.connectors].sort((x, y) => x.connector.localeCompare(y.connector));
    expect(recorded).toEqual([{ connector: a, version: 1 }, { connector: b, version: 1 }]);
    // No functions or actions: the release records none.
    expect(cut.body).toMatchObject({ functions: [], actions: [] });

    await env.publish(a);
    await pin(solution, a, 2);
    expect((await env.request('DELETE', `/v1/solutions/${solution}/connectors/${b}`)).status).toBe(204);

    const again = await env.request<ReleaseView>('GET', `/v1/solutions/${solution}/releases/1.0.0`);
    expect(again.body).toEqual(cut.body);
    const next = await release(solution, '2.0.0');
    expect(next.body.connectors).toEqual([{ connector: a, version: 2 }]);
  });

  it('a connector a solution associates or a release records cannot be deleted (409 in_use)', async () => {
    const connector = await env.newConnector();
    const solution = await newSolution();
    await env.publish(connector);
    await pin(solution, connector, 1);
    expectProblem(await env.request('DELETE', `/v1/connectors/${connector}`), 409, 'in_use');
    expect((await release(solution, '1.0.0')).status).toBe(201);
    // Dissociated, but the release still records it.
    expect((await env.request('DELETE', `/v1/solutions/${solution}/connectors/${connector}`)).status).toBe(204);
    expectProblem(await env.request('DELETE', `/v1/connectors/${connector}?revokeConnections=true`), 409, 'in_use');
    // Deleting the solution (not installed anywhere) takes its releases with it; then the connector can go.
    expect((await env.request('DELETE', `/v1/solutions/${solution}`)).status).toBe(204);
    expect((await env.request('DELETE', `/v1/connectors/${connector}`)).status).toBe(204);
  });

  it('a solution installed in an org cannot be deleted (409 in_use) until it is uninstalled', async () => {
    const connector = await env.newConnector();
    const org = await env.newOrg({ connectors: [] });
    const { solution } = await env.install(org, [connector]);
    const problem = expectProblem(await env.request('DELETE', `/v1/solutions/${solution}`), 409, 'in_use');
    expect(problem['installations']).toBe(1);
    expect((await env.request('GET', `/v1/solutions/${solution}`)).status).toBe(200);
    expect((await env.request('DELETE', `/v1/orgs/${org}/installations/${solution}`)).status).toBe(200);
    expect((await env.request('DELETE', `/v1/solutions/${solution}`)).status).toBe(204);
  });

  it('garbage bodies on every new body route are 4xx, never 5xx', async () => {
    const connector = await env.newConnector();
    const solution = await newSolution();
    await env.publish(connector);
    const routes = [
      ['POST', `/v1/connectors/${connector}/publish`],
      ['POST', '/v1/solutions'],
      ['PATCH', `/v1/solutions/${solution}`],
      ['PUT', `/v1/solutions/${solution}/connectors/${connector}`],
      ['POST', `/v1/solutions/${solution}/releases`],
    ] as const;
    const garbage = ['null', '[]', '"x"', '42', '{"__proto__":{"a":1}}', '{"version":{"$gt":""},"logo":[1],"apiName":7}', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, '{"version":"1.0.0"', '{"version":"\u0000"}'];
    for (const [method, path] of routes) {
      for (const raw of garbage) {
        const response = await env.request(method, path, undefined, { raw, headers: { 'content-type': 'application/json' } });
        expect(response.status, `${method} ${path} ${raw.slice(0, 40)}: ${response.text}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    }
  });

  it('the OpenAPI document lists the solution routes', async () => {
    const doc = await env.request<{ paths: Record<string, unknown> }>('GET', '/v1/openapi.json');
    for (const path of ['/v1/solutions', '/v1/solutions/{solution}', '/v1/solutions/{solution}/connectors', '/v1/solutions/{solution}/connectors/{connector}', '/v1/solutions/{solution}/releases', '/v1/solutions/{solution}/releases/{release}']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    // The release views name what a release records; only the single-release GET carries the source.
    const text = JSON.stringify((doc.body.paths['/v1/solutions/{solution}/releases/{release}'] as Record<string, unknown>)['get']);
    for (const field of ['"functions"', '"actions"', '"source"', '"onAuthorize"', '"timeoutMs"']) expect(text).toContain(field);
    expect(JSON.stringify((doc.body.paths['/v1/solutions/{solution}/releases'] as Record<string, unknown>)['get'])).not.toContain('"source"');
  });
});
