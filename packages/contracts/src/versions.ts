import { z } from 'zod';
import { apiSchema } from './apis.js';
import { connectorSchema } from './connectors.js';
import { isoDateTimeSchema } from './common.js';

/** The largest logo accepted, in decoded bytes. */
export const maxLogoBytes = 256 * 1024;
/** The longest release notes accepted, in characters. */
export const maxReleaseNotesLength = 10_000;

export const logoContentTypeSchema = z.enum(['image/png', 'image/jpeg', 'image/svg+xml']);
export type LogoContentTypeName = z.infer<typeof logoContentTypeSchema>;

/**
 * The JSON publish body. `logo` is base64 of the image, or a data URL
 * (`data:image/png;base64,…`, RFC 2397); its type is decided by the content, and a data URL whose
 * media type disagrees with the content is refused. The same fields may be sent as
 * multipart/form-data with `logo` as a file part.
 */
export const publishConnectorSchema = z
  .object({
    logo: z.string().min(1, 'required'),
    supportEmail: z.email().max(254),
    releaseNotes: z.string().trim().min(1, 'required').max(maxReleaseNotesLength),
  })
  .strict();
export type PublishConnectorInput = z.infer<typeof publishConnectorSchema>;

export const publishedVersionSchema = z
  .object({
    version: z.number().int().positive(),
    publishedAt: isoDateTimeSchema,
  })
  .strict();
export type PublishedVersionView = z.infer<typeof publishedVersionSchema>;

/** Fields every version view shares. `logoUrl` is the path of the logo route (admin key). */
const versionFields = {
  connector: z.string(),
  version: z.number().int().positive(),
  supportEmail: z.string(),
  logoContentType: logoContentTypeSchema.nullable(),
  logoUrl: z.string().nullable(),
  publishedAt: isoDateTimeSchema,
};

export const versionSummarySchema = z
  .object({
    ...versionFields,
    /** The connector's display name in this version. */
    name: z.string(),
    apiCount: z.number().int().nonnegative(),
  })
  .strict();
export type VersionSummaryView = z.infer<typeof versionSummarySchema>;

/** A published version: the snapshot in the same shapes as the draft routes. */
export const versionSchema = z
  .object({
    ...versionFields,
    releaseNotes: z.string(),
    definition: connectorSchema,
    apis: z.array(apiSchema),
  })
  .strict();
export type VersionView = z.infer<typeof versionSchema>;
