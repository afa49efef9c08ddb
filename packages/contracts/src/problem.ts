import { z } from 'zod';

/** RFC 9457 problem details, extended with Switchboard's stable `code`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    variables: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());
export type Problem = z.infer<typeof problemSchema>;
