import semver from 'semver';
import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema } from './common.js';
import { createInputSchema, updateInputSchema } from './input-schemas.js';
import { logoContentTypeSchema } from './versions.js';

/** Whether `value` is a semantic version exactly as semver.org writes it (build metadata kept). */
function isExactSemver(value: string): boolean {
  const parsed = semver.parse(value);
  if (parsed === null) return false;
  return `${parsed.version}${parsed.build.length > 0 ? `+${parsed.build.join('.')}` : ''}` === value;
}

/**
 * A semantic version (semver.org 2.0.0) written exactly: `1.2.3`, `2.0.0-rc.1`, `1.0.0+build.5`
 * — no leading `v` or `=`, no surrounding spaces.
 */
export const semverSchema = z
  .string()
  .max(256)
  .refine(isExactSemver, 'must be a semantic version such as 1.0.0 (semver.org)');

const solutionFields = {
  apiName: apiNameSchema,
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2000),
};

export const createSolutionSchema = createInputSchema(solutionFields, { required: ['apiName', 'name'] });
export type CreateSolutionInput = z.infer<typeof createSolutionSchema>;

/** PATCH: `null` clears the description. `apiName` cannot change. */
export const updateSolutionSchema = updateInputSchema(solutionFields, { immutable: ['apiName'], clearable: ['description'] });
export type UpdateSolutionInput = z.infer<typeof updateSolutionSchema>;

export const solutionSchema = z
  .object({
    id: z.string(),
    apiName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type SolutionView = z.infer<typeof solutionSchema>;

export const pinConnectorSchema = z
  .object({ version: z.number().int().positive() })
  .strict();
export type PinConnectorInput = z.infer<typeof pinConnectorSchema>;

/** A connector associated with a solution, pinned at a published version. */
export const solutionConnectorSchema = z
  .object({
    connector: z.string(),
    version: z.number().int().positive(),
    /** The connector's display name in the pinned version. */
    name: z.string(),
    serviceName: z.string(),
    logoContentType: logoContentTypeSchema.nullable(),
    logoUrl: z.string().nullable(),
    updatedAt: isoDateTimeSchema,
  })
  .strict();
export type SolutionConnectorView = z.infer<typeof solutionConnectorSchema>;

export const createReleaseSchema = z
  .object({
    version: semverSchema,
    notes: z.string().max(10_000).optional(),
  })
  .strict();
export type CreateReleaseInput = z.infer<typeof createReleaseSchema>;

export const releaseSchema = z
  .object({
    solution: z.string(),
    version: z.string(),
    notes: z.string().nullable(),
    /** The connector versions pinned when the release was cut. */
    connectors: z.array(z.object({ connector: z.string(), version: z.number().int().positive() }).strict()),
    /** The solution's functions as recorded when the release was cut (their source: the single-release GET). */
    functions: z.array(z.object({ function: z.string(), name: z.string(), timeoutMs: z.number().int().positive(), memoryMb: z.number().int().positive() }).strict()),
    /** The connector actions recorded for the connectors the release brings (null: none). */
    actions: z.array(z.object({ connector: z.string(), onAuthorize: z.string().nullable(), onRevoke: z.string().nullable() }).strict()),
    createdAt: isoDateTimeSchema,
  })
  .strict();
export type ReleaseView = z.infer<typeof releaseSchema>;

/**
 * One release with its functions' source: only the single-release GET carries it, so listing a
 * solution's releases stays small (a source may be up to 256 KB).
 */
export const releaseDetailSchema = releaseSchema
  .extend({
    functions: z.array(
      z.object({ function: z.string(), name: z.string(), timeoutMs: z.number().int().positive(), memoryMb: z.number().int().positive(), source: z.string() }).strict(),
    ),
  })
  .strict();
export type ReleaseDetailView = z.infer<typeof releaseDetailSchema>;
