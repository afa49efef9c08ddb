export { createSandboxPool, type InspectableSandboxPool } from './create-sandbox-pool.js';
export { checkFunctionSource, type FunctionSourceCheck } from './check-function-source.js';
export type {
  SandboxConnectorResponse,
  SandboxError,
  SandboxErrorCode,
  SandboxHost,
  SandboxLimits,
  SandboxLog,
  SandboxLogLevel,
  SandboxOutcome,
  SandboxPool,
  SandboxPoolLogger,
  SandboxPoolOptions,
  SandboxRunInput,
} from './sandbox-types.js';
