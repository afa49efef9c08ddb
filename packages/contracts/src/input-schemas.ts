/**
 * Create (POST) and update (PATCH) body schemas of a resource, both derived from one table of its
 * writable fields, so a field is declared once and the two endpoints cannot drift apart. Keys
 * keep the table's order (it is the order of validation errors and of the OpenAPI properties).
 */
import { z } from 'zod';

/** A resource's writable fields: name → schema of a present, non-null value. */
type FieldTable = Record<string, z.ZodType>;

/** `required` fields as declared; every other field optional. */
export type CreateShape<F extends FieldTable, R extends keyof F> = { [K in keyof F]: K extends R ? F[K] : z.ZodOptional<F[K]> };

/** Every field optional except the `immutable` ones, which are left out; `clearable` ones also take `null`. */
export type UpdateShape<F extends FieldTable, I extends keyof F, C extends keyof F> = {
  [K in Exclude<keyof F, I>]: K extends C ? z.ZodOptional<z.ZodNullable<F[K]>> : z.ZodOptional<F[K]>;
};

/** The create body: the `required` fields must be present, the others may be; unknown fields are refused. */
export function createInputSchema<F extends FieldTable, R extends keyof F>(fields: F, options: { readonly required: readonly R[] }) {
  const required = new Set<keyof F>(options.required);
  const shape = Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, required.has(name) ? schema : schema.optional()]));
  return z.object(shape as CreateShape<F, R>).strict();
}

/**
 * The update body: every field may be left out; `immutable` fields are unknown (so refused);
 * `null` clears a `clearable` field (an optional one without a default). Unknown fields are refused.
 */
export function updateInputSchema<F extends FieldTable, I extends keyof F, C extends keyof F>(
  fields: F,
  options: { readonly immutable: readonly I[]; readonly clearable: readonly C[] },
) {
  const immutable = new Set<keyof F>(options.immutable);
  const clearable = new Set<keyof F>(options.clearable);
  const shape = Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => !immutable.has(name))
      .map(([name, schema]) => [name, clearable.has(name) ? schema.nullable().optional() : schema.optional()]),
  );
  return z.object(shape as UpdateShape<F, I, C>).strict();
}
