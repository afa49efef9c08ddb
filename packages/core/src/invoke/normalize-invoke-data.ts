import type { InvokeDataInput } from '@switchboard/contracts';
import type { JsonValue } from '../json-value.js';
import { decodeBase64 } from './decode-base64.js';
import type { InvokeContentType } from './effective-body-type.js';

/** A multipart text field. */
export interface ValuePart {
  readonly name: string;
  readonly value: string;
}

/** A multipart file field, its content already decoded from base64. */
export interface FilePart {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One entry of the invoke data's `PARTS`. */
export type Part = ValuePart | FilePart;

/** The invoke data object, split into its roles. */
export interface NormalizedInvokeData {
  /** Values for the placeholders. */
  readonly variables: Record<string, JsonValue>;
  /** The data's `CONTENT_TYPE`; only `multipart` changes rendering (see `effectiveBodyType`). */
  readonly contentType?: InvokeContentType;
  readonly parts: Part[];
  readonly file?: FilePart;
}

/** Keys of the data object with a reserved meaning; every other key is a variable. */
const reservedKeys: ReadonlySet<string> = new Set(['VARIABLES', 'CONTENT_TYPE', 'PARTS', 'FILE']);

/**
 * Splits the seed's invoke data object into variables, parts and file.
 *
 * Variables are `VARIABLES` plus every top-level key that is not reserved (the seed's
 * `data.put("First_Name", …)` style). When both name the same variable, **`VARIABLES` wins**: it
 * is the explicit form, and a reserved-looking flat key can then never shadow it by accident.
 * File contents are decoded here, strictly (see `decodeBase64`), so rendering handles bytes only.
 */
export function normalizeInvokeData(data: InvokeDataInput): NormalizedInvokeData {
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, value] of Object.entries(data)) {
    if (!reservedKeys.has(key)) entries.push([key, value]);
  }
  entries.push(...Object.entries(data.VARIABLES ?? {}));
  // Object.fromEntries defines own properties, so a `__proto__` key stays a plain variable
  // instead of replacing the object's prototype; later entries (VARIABLES) win.
  const variables: Record<string, JsonValue> = Object.fromEntries(entries);

  const parts: Part[] = (data.PARTS ?? []).map((part, index) =>
    'content' in part
      ? {
          name: part.name,
          filename: part.filename,
          contentType: part.contentType,
          bytes: decodeBase64(part.content, `PARTS[${index}].content`),
        }
      : { name: part.name, value: part.value },
  );

  const file: FilePart | undefined =
    data.FILE === undefined
      ? undefined
      : {
          name: data.FILE.name,
          filename: data.FILE.filename,
          contentType: data.FILE.contentType,
          bytes: decodeBase64(data.FILE.content, 'FILE.content'),
        };

  return {
    variables,
    ...(data.CONTENT_TYPE === undefined ? {} : { contentType: data.CONTENT_TYPE }),
    parts,
    ...(file === undefined ? {} : { file }),
  };
}
