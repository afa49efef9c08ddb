import { isSwitchboardError, type SwitchboardError } from '../switchboard-error.js';

/** Test support: runs `fn` and returns the SwitchboardError it throws (fails if it does not). */
export function catchSwitchboardError(fn: () => unknown): SwitchboardError {
  try {
    fn();
  } catch (error) {
    if (isSwitchboardError(error)) return error;
    throw error;
  }
  throw new Error('expected a SwitchboardError to be thrown');
}
