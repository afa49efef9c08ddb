import { z } from 'zod';
import { isoDateTimeSchema, orgIdSchema } from './common.js';

export const createOrgSchema = z
  .object({
    id: orgIdSchema,
    name: z.string().trim().min(1).max(100),
  })
  .strict();
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const orgSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: isoDateTimeSchema })
  .strict();
export type OrgView = z.infer<typeof orgSchema>;
