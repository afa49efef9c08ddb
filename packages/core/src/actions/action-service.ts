import type { ConnectorActionsView, SetConnectorActionsInput } from '@switchboard/contracts';
import type { CoreDeps } from '../core-deps.js';
import type { StoreRepositories } from '../ports/store.js';
import { requireSolution } from '../solutions/require-solution.js';
import type { Solution, SolutionConnector } from '../solutions/solution.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { ConnectorActions } from './connector-action.js';

const view = (solution: Solution, pin: SolutionConnector, actions: ConnectorActions | undefined): ConnectorActionsView => ({
  solution: solution.apiName,
  connector: pin.connectorApiName,
  onAuthorize: actions?.onAuthorize ?? null,
  onRevoke: actions?.onRevoke ?? null,
});

/** The solution and its association with the connector, or `not_found` saying which is missing. */
async function requirePin(tx: Pick<StoreRepositories, 'solutions' | 'solutionConnectors'>, solutionApiName: string, connectorApiName: string) {
  const solution = await requireSolution(tx, solutionApiName);
  const pin = (await tx.solutionConnectors.list(solution.id)).find((p) => p.connectorApiName === connectorApiName);
  if (!pin) {
    throw new SwitchboardError('not_found', `Connector '${connectorApiName}' is not associated with solution '${solutionApiName}'.`, {
      details: { solution: solutionApiName, connector: connectorApiName },
    });
  }
  return { solution, pin };
}

/** A solution's connector actions (On Authorization / On Revoking), as drafts; releases copy them. */
export function createActionService(deps: Pick<CoreDeps, 'store' | 'clock'>) {
  const { store, clock } = deps;
  return {
    async get(solutionApiName: string, connectorApiName: string): Promise<ConnectorActionsView> {
      const { solution, pin } = await requirePin(store, solutionApiName, connectorApiName);
      return view(solution, pin, await store.connectorActions.get(solution.id, pin.connectorId));
    },

    /**
     * Each named function must exist in the solution now (`not_found` with `details.function`
     * otherwise); one deleted later makes its action's runs fail as `not_found`, recorded in the
     * job, not run.
     */
    async set(solutionApiName: string, connectorApiName: string, input: SetConnectorActionsInput): Promise<ConnectorActionsView> {
      return store.transaction(async (tx) => {
        const { solution, pin } = await requirePin(tx, solutionApiName, connectorApiName);
        for (const name of [input.onAuthorize, input.onRevoke]) {
          if (typeof name === 'string' && !(await tx.functions.get(solution.id, name))) {
            throw new SwitchboardError('not_found', `Function '${name}' does not exist in solution '${solutionApiName}'.`, {
              details: { solution: solutionApiName, function: name },
            });
          }
        }
        const current = await tx.connectorActions.get(solution.id, pin.connectorId);
        const next: ConnectorActions = {
          solutionId: solution.id,
          connectorId: pin.connectorId,
          onAuthorize: input.onAuthorize === undefined ? (current?.onAuthorize ?? null) : input.onAuthorize,
          onRevoke: input.onRevoke === undefined ? (current?.onRevoke ?? null) : input.onRevoke,
          updatedAt: clock.now(),
        };
        await tx.connectorActions.put(next);
        return view(solution, pin, next);
      });
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
