import { z } from 'zod';
import { apiNameSchema, isoDateTimeSchema } from './common.js';
import { revokeResultSchema } from './connections.js';
import { semverSchema } from './solutions.js';

/** A release version as solutions name them (semver.org 2.0.0); whether it exists is checked by the server. */
const releaseVersionSchema = semverSchema;

export const installSolutionSchema = z
  .object({
    /** The solution's API name. */
    solution: apiNameSchema,
    /** The release version to install, e.g. `1.2.0`. */
    release: releaseVersionSchema,
  })
  .strict();
export type InstallSolutionInput = z.infer<typeof installSolutionSchema>;

export const upgradeInstallationSchema = z.object({ release: releaseVersionSchema }).strict();
export type UpgradeInstallationInput = z.infer<typeof upgradeInstallationSchema>;

export const installationSchema = z
  .object({
    solution: z.string(),
    release: z.string(),
    /** The connector versions this release brings (what the org uses may be higher when another solution brings one too). */
    connectors: z.array(z.object({ connector: z.string(), version: z.number().int() }).strict()),
    installedAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    /** The solution's newest release when it is newer than the installed one (an upgrade is available), else null. */
    availableRelease: z.string().nullable(),
  })
  .strict();
export type InstallationView = z.infer<typeof installationSchema>;

export const uninstallResultSchema = z
  .object({
    solution: z.string(),
    /** Connections revoked because no installed solution brings their connector any more. */
    revoked: z.array(revokeResultSchema.extend({ connector: z.string() }).strict()),
  })
  .strict();
export type UninstallResult = z.infer<typeof uninstallResultSchema>;
