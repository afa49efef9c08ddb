import { z } from 'zod';

/** `^[a-z][a-z0-9_]{1,49}$`: the identifier used in `connector.api` and in URLs. */
export const apiNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must match ^[a-z][a-z0-9_]{1,49}$ (lowercase letter, then letters, digits or _)');

export const orgIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'must match ^[a-z0-9][a-z0-9_-]{1,62}$');

/** An absolute http(s) URL. Whether it may be reached is decided at send time by the SSRF guard. */
export const httpUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without credentials');

export const isoDateTimeSchema = z.string().datetime({ offset: true });

/** A string map (headers, query, extra OAuth params). Keys are non-empty and bounded. */
export const stringMapSchema = z.record(z.string().min(1).max(200), z.string().max(4000));

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) }).strict();
