import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema } from './common.js';
import { createInputSchema, updateInputSchema } from './input-schemas.js';

/** Longest accepted function source (characters). */
export const maxFunctionSourceLength = 256 * 1024;

const functionFields = {
  apiName: apiNameSchema,
  name: z.string().trim().min(1).max(100),
  /** An ES2022 module exporting `async function main(args, context)`; syntax-checked at save. */
  source: z.string().min(1).max(maxFunctionSourceLength),
  /** Wall-clock limit of a run (default 10000, at most the server's SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS). */
  timeoutMs: z.number().int().min(10).max(3_600_000),
  /** Heap limit of a run (default 64, at most the server's SWITCHBOARD_FUNCTION_MAX_MEMORY_MB). */
  memoryMb: z.number().int().min(8).max(65_536),
};

export const createFunctionSchema = createInputSchema(functionFields, { required: ['apiName', 'name', 'source'] });
export type CreateFunctionInput = z.infer<typeof createFunctionSchema>;

/** PATCH: `apiName` cannot change; `null` resets a limit to its default. */
export const updateFunctionSchema = updateInputSchema(functionFields, { immutable: ['apiName'], clearable: ['timeoutMs', 'memoryMb'] });
export type UpdateFunctionInput = z.infer<typeof updateFunctionSchema>;

export const functionSchema = z
  .object({
    id: z.string(),
    solution: z.string(),
    apiName: z.string(),
    name: z.string(),
    source: z.string(),
    timeoutMs: z.number().int(),
    memoryMb: z.number().int(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type FunctionView = z.infer<typeof functionSchema>;

export const executeFunctionSchema = z
  .object({
    /** Passed to `main` as its first argument (a copy). */
    args: z.json().optional(),
  })
  .strict();
export type ExecuteFunctionInput = z.infer<typeof executeFunctionSchema>;

export const functionLogSchema = z
  .object({
    level: z.enum(['log', 'info', 'warn', 'error']),
    message: z.string(),
    /** Milliseconds since the run started. */
    at: z.number(),
  })
  .strict();
export type FunctionLogView = z.infer<typeof functionLogSchema>;

export const executionResultSchema = z
  .object({
    executionId: z.string(),
    /** What `main` resolved to (JSON; `undefined` becomes null). */
    result: z.json(),
    logs: z.array(functionLogSchema),
    durationMs: z.number(),
  })
  .strict();
export type ExecutionResultView = z.infer<typeof executionResultSchema>;

export const executionTriggerSchema = z.enum(['manual', 'authorized', 'revoked']);

export const executionSchema = z
  .object({
    id: z.string(),
    solution: z.string(),
    function: z.string(),
    trigger: executionTriggerSchema,
    status: z.enum(['succeeded', 'failed']),
    /** On failure: the problem code (`function_error`, `function_timeout`, …) and message. */
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    logs: z.array(functionLogSchema),
    /** Whether log entries were left out of this record to keep it bounded. */
    logsTruncated: z.boolean(),
    durationMs: z.number(),
    connectorCalls: z.number().int(),
    startedAt: isoDateTimeSchema,
  })
  .strict();
export type ExecutionView = z.infer<typeof executionSchema>;

export const maxExecutionPageSize = 200;
export const defaultExecutionPageSize = 50;

export const listExecutionsQuerySchema = z
  .object({
    cursor: z.string().min(1).max(400).optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `must be an integer from 1 to ${maxExecutionPageSize}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(maxExecutionPageSize))
      .optional(),
  })
  .strict();
export type ListExecutionsQuery = z.infer<typeof listExecutionsQuerySchema>;

/** Newest first; `nextCursor` is null on the last page. */
export const executionPageSchema = z
  .object({ items: z.array(executionSchema), nextCursor: z.string().nullable() })
  .strict();
export type ExecutionPage = z.infer<typeof executionPageSchema>;
