import { randomUUID } from 'node:crypto';
import type { CreateSolutionInput, PinConnectorInput, SolutionConnectorView, SolutionView, UpdateSolutionInput } from '@switchboard/contracts';
import { requireConnector } from '../connectors/require-connector.js';
import type { CoreDeps } from '../core-deps.js';
import type { SolutionPatch } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import { requireSolution } from './require-solution.js';
import type { Solution, SolutionConnector } from './solution.js';
import { toSolutionConnectorView, toSolutionView } from './solution-view.js';

/** Solutions (bundles of connectors that orgs install) and their pinned connector versions. */
export function createSolutionService(deps: CoreDeps) {
  const { store, clock } = deps;

  const describePin = async (pin: SolutionConnector): Promise<SolutionConnectorView> => {
    const version = await store.connectorVersions.get(pin.connectorId, pin.version);
    // A pinned version cannot vanish: versions are immutable and a referenced connector cannot be deleted.
    if (!version) throw new SwitchboardError('internal_error', 'A pinned connector version is missing.');
    return toSolutionConnectorView(pin, version);
  };

  return {
    async create(input: CreateSolutionInput): Promise<SolutionView> {
      if (await store.solutions.getByApiName(input.apiName)) {
        throw new SwitchboardError('conflict', `A solution with API name '${input.apiName}' already exists.`, { details: { apiName: input.apiName } });
      }
      const now = clock.now();
      const solution: Solution = { id: randomUUID(), apiName: input.apiName, name: input.name, description: input.description ?? null, createdAt: now, updatedAt: now };
      await store.solutions.insert(solution);
      return toSolutionView(solution);
    },

    async list(): Promise<SolutionView[]> {
      return (await store.solutions.list()).map(toSolutionView);
    },

    async get(apiName: string): Promise<SolutionView> {
      return toSolutionView(await requireSolution(store, apiName));
    },

    async update(apiName: string, input: UpdateSolutionInput): Promise<SolutionView> {
      const solution = await requireSolution(store, apiName);
      const patch: SolutionPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      const updated = await store.solutions.update(solution.id, patch, clock.now());
      if (!updated) throw new SwitchboardError('not_found', `Solution '${apiName}' does not exist.`, { details: { solution: apiName } });
      return toSolutionView(updated);
    },

    /** Refused while any org has the solution installed: uninstall it there first. */
    async delete(apiName: string): Promise<void> {
      const solution = await requireSolution(store, apiName);
      const installations = await store.installations.countBySolution(solution.id);
      if (installations > 0) {
        throw new SwitchboardError('in_use', `Solution '${apiName}' is installed in ${installations} org(s); uninstall it there first.`, {
          details: { solution: apiName, installations },
        });
      }
      await store.solutions.delete(solution.id);
    },

    async listConnectors(apiName: string): Promise<SolutionConnectorView[]> {
      const solution = await requireSolution(store, apiName);
      return Promise.all((await store.solutionConnectors.list(solution.id)).map(describePin));
    },

    /** Associate a connector at a published version, or move its pin; releases already cut keep theirs. */
    async pin(apiName: string, connectorApiName: string, input: PinConnectorInput): Promise<SolutionConnectorView> {
      const solution = await requireSolution(store, apiName);
      const connector = await requireConnector(store, connectorApiName);
      const version = await store.connectorVersions.get(connector.id, input.version);
      if (!version) {
        throw new SwitchboardError('not_found', `Version ${input.version} of connector '${connectorApiName}' does not exist; publish it first.`, {
          details: { connector: connectorApiName, version: input.version },
        });
      }
      const pin = await store.solutionConnectors.pin({ solutionId: solution.id, connectorId: connector.id, version: input.version, now: clock.now() });
      return toSolutionConnectorView(pin, version);
    },

    async unpin(apiName: string, connectorApiName: string): Promise<void> {
      const solution = await requireSolution(store, apiName);
      const connector = await requireConnector(store, connectorApiName);
      if (!(await store.solutionConnectors.unpin(solution.id, connector.id))) {
        throw new SwitchboardError('not_found', `Connector '${connectorApiName}' is not associated with solution '${apiName}'.`, {
          details: { solution: apiName, connector: connectorApiName },
        });
      }
    },
  };
}

export type SolutionService = ReturnType<typeof createSolutionService>;
