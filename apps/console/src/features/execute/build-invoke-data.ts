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

/** The variable inputs that were filled in (an empty input leaves its variable out, so the server can name it as missing). */
export function filledVariables(inputs: Readonly<Record<string, string>>, declared: readonly string[]): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const name of declared) {
    const value = inputs[name];
    if (value !== undefined && value !== '') filled[name] = value;
  }
  return filled;
}

/**
 * The JSON invoke data: the extra data as given, with the filled-in variable inputs added to its
 * `VARIABLES` (the inputs win over the extra data's values of the same name).
 */
export function buildInvokeData(variables: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>>): InvokeDataInput {
  const extraVariables = isRecord(extra['VARIABLES']) ? extra['VARIABLES'] : {};
  const merged = { ...extraVariables, ...variables };
  const data: Record<string, unknown> = { ...extra };
  if (Object.keys(merged).length > 0) data['VARIABLES'] = merged;
  else delete data['VARIABLES'];
  return data as InvokeDataInput;
}

/**
 * The multipart invoke form (for a file upload): `VARIABLES` as JSON text — the extra data's
 * flat variables, its `VARIABLES`, then the inputs — its `PARTS` text values as fields, and the
 * file as `FILE`. The file is sent as is, without base64.
 */
export function buildInvokeForm(variables: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>>, file: File | null): FormData {
  const flat = Object.fromEntries(Object.entries(extra).filter(([key]) => !reservedKeys.has(key)));
  const extraVariables = isRecord(extra['VARIABLES']) ? extra['VARIABLES'] : {};
  const form = new FormData();
  form.set('VARIABLES', JSON.stringify({ ...flat, ...extraVariables, ...variables }));
  if (typeof extra['CONTENT_TYPE'] === 'string') form.set('CONTENT_TYPE', extra['CONTENT_TYPE']);
  if (Array.isArray(extra['PARTS'])) {
    for (const part of extra['PARTS']) {
      if (isRecord(part) && typeof part['name'] === 'string' && typeof part['value'] === 'string') form.append(part['name'], part['value']);
    }
  }
  if (file) form.set('FILE', file, file.name);
  return form;
}
