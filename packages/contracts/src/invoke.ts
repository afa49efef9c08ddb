import { z } from 'zod';

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const filePartSchema = z
  .object({
    name: z.string().min(1).max(200),
    filename: z.string().min(1).max(255),
    contentType: z.string().min(1).max(200).default('application/octet-stream'),
    /** base64 of the file's bytes (JSON requests). */
    content: base64Schema,
  })
  .strict();

export const valuePartSchema = z
  .object({ name: z.string().min(1).max(200), value: z.string().max(10_000_000) })
  .strict();

export const partSchema = z.union([valuePartSchema, filePartSchema]);

export const fileSchema = z
  .object({
    name: z.string().min(1).max(200).default('file'),
    filename: z.string().min(1).max(255),
    contentType: z.string().min(1).max(200).default('application/octet-stream'),
    content: base64Schema,
  })
  .strict();

/** A variable value: scalars, or JSON structures for JSON bodies. */
export const variableValueSchema = z.json();

/**
 * The seed's data object. `VARIABLES` fill placeholders; any other key that is not one of the
 * reserved upper-case keys is treated as a variable too (the seed's `data.put("First_Name", …)`).
 */
export const invokeDataSchema = z
  .object({
    VARIABLES: z.record(z.string(), variableValueSchema).optional(),
    CONTENT_TYPE: z.enum(['multipart', 'json', 'form', 'raw']).optional(),
    PARTS: z.array(partSchema).max(100).optional(),
    FILE: fileSchema.optional(),
  })
  .catchall(variableValueSchema);
export type InvokeDataInput = z.infer<typeof invokeDataSchema>;

export const invokeResultSchema = z
  .object({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.union([z.json(), z.object({ base64: z.string(), contentType: z.string() }).strict()]),
  })
  .strict();
