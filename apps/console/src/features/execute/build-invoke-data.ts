import type { InvokeDataInput } from '@switchboard/contracts';

const reservedKeys = new Set(['VARIABLES', 'CONTENT_TYPE', 'PARTS', 'FILE']);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The "Extra data" text → an object, or the reason it is not one. Empty text is `{}`. */
export function parseExtraData(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(parsed)) return { ok: false, error: 'Must be a JSON object, e.g. {"Age": 42}' };
  if (parsed['VARIABLES'] !== undefined && !isRecord(parsed['VARIABLES'])) return { ok: false, error: 'VARIABLES must be a JSON object' };
  return { ok: true, value: parsed };
}

/**
 * Every declared variable's input, an empty one as `""`: the server accepts an empty string as a
 * value, so a field left blank (say the demo's optional Phone_Number) does not fail the call with
 * `missing_variables`.
 */
export function variableInputs(inputs: Readonly<Record<string, string>>, declared: readonly string[]): Record<string, string> {
  return Object.fromEntries(declared.map((name) => [name, inputs[name] ?? '']));
}

/**
 * `base` with the inputs over it — except that an empty input never replaces a value the extra
 * data gives (`given`: `{"Age": 42}` with the Age field left blank sends 42).
 */
function mergeVariables(base: Readonly<Record<string, unknown>>, inputs: Readonly<Record<string, string>>, given = base): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== '' || !Object.hasOwn(given, name)) merged[name] = value;
  }
  return merged;
}

/** The extra data's top-level keys that are variables (the seed's flat `data.put("Age", 42)` style). */
const flatVariables = (extra: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(extra).filter(([key]) => !reservedKeys.has(key)));

/**
 * The JSON invoke data: the extra data as given, with the variable inputs added to its
 * `VARIABLES` (an input wins over the extra data's value of the same name unless it is empty).
 */
export function buildInvokeData(inputs: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>>): InvokeDataInput {
  const extraVariables = isRecord(extra['VARIABLES']) ? extra['VARIABLES'] : {};
  // The server lets VARIABLES win over flat keys: an empty input must not hide a flat value either.
  const merged = mergeVariables(extraVariables, inputs, { ...flatVariables(extra), ...extraVariables });
  const data: Record<string, unknown> = { ...extra };
  if (Object.keys(merged).length > 0) data['VARIABLES'] = merged;
  else delete data['VARIABLES'];
  return data as InvokeDataInput;
}

/**
 * The multipart invoke form (for a file upload): `VARIABLES` as JSON text — the extra data's
 * flat variables, its `VARIABLES`, then the non-empty inputs over them, the empty ones where
 * the extra data gives no value — its `PARTS` text values as fields, and the
 * file as `FILE`. The file is sent as is, without base64.
 */
export function buildInvokeForm(inputs: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>>, file: File | null): FormData {
  const extraVariables = isRecord(extra['VARIABLES']) ? extra['VARIABLES'] : {};
  const form = new FormData();
  form.set('VARIABLES', JSON.stringify(mergeVariables({ ...flatVariables(extra), ...extraVariables }, inputs)));
  if (typeof extra['CONTENT_TYPE'] === 'string') form.set('CONTENT_TYPE', extra['CONTENT_TYPE']);
  if (Array.isArray(extra['PARTS'])) {
    for (const part of extra['PARTS']) {
      if (isRecord(part) && typeof part['name'] === 'string' && typeof part['value'] === 'string') form.append(part['name'], part['value']);
    }
  }
  if (file) form.set('FILE', file, file.name);
  return form;
}
