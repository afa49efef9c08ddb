import type { StoreRepositories } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Solution } from './solution.js';

/** Find a solution by its API name or fail with `not_found`. */
export async function requireSolution(store: Pick<StoreRepositories, 'solutions'>, apiName: string): Promise<Solution> {
  const solution = await store.solutions.getByApiName(apiName);
  if (!solution) throw new SwitchboardError('not_found', `Solution '${apiName}' does not exist.`, { details: { solution: apiName } });
  return solution;
}
