import type { InvokeData, InvokeFile, InvokePart, JsonValue } from './invoke-data.js';
import { SwitchboardError } from './switchboard-error.js';

/** The invoke route's request body: JSON, or multipart/form-data when a file is a `Blob`. */
export type EncodedInvokeData = { readonly json: Record<string, unknown> } | { readonly form: FormData };

/** Keys of the data object with a meaning of their own; every other key is a variable. */
const reservedKeys: ReadonlySet<string> = new Set(['VARIABLES', 'CONTENT_TYPE', 'PARTS', 'FILE']);

const invalid = (message: string) => new SwitchboardError('invalid_argument', message);

/**
 * A `Blob` (or `File`), also one from another realm (an iframe, a test DOM): checked by shape
 * after `instanceof`, since each realm has its own `Blob` constructor.
 */
function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['arrayBuffer'] === 'function' && typeof candidate['slice'] === 'function' && typeof candidate['size'] === 'number' && typeof candidate['type'] === 'string';
}

const fileNameOf = (blob: Blob): string | undefined => {
  const name = (blob as Partial<File>).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
};

const isFilePart = (part: InvokePart): part is InvokePart & InvokeFile => 'content' in part;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the shapes TypeScript cannot vouch for in a plain-JavaScript widget, so a wrong one is an
 * `invalid_argument` naming the field rather than a `TypeError` from deep inside the encoder.
 */
function checkShape(data: unknown): asserts data is InvokeData {
  if (!isRecord(data)) throw invalid('The invoke data must be an object, e.g. { VARIABLES: { … } }.');
  if (data['VARIABLES'] !== undefined && !isRecord(data['VARIABLES'])) throw invalid('VARIABLES must be an object of variable names to values.');
  const file = data['FILE'];
  if (file !== undefined && !isBlob(file) && !(isRecord(file) && (isBlob(file['content']) || typeof file['content'] === 'string'))) {
    throw invalid('FILE must be a Blob/File, or { content: Blob | base64 string, filename?, contentType?, name? }.');
  }
  const parts = data['PARTS'];
  if (parts === undefined) return;
  if (!Array.isArray(parts)) throw invalid('PARTS must be an array of { name, value } or { name, content, filename?, contentType? }.');
  parts.forEach((part: unknown, index) => {
    if (!isRecord(part) || typeof part['name'] !== 'string' || part['name'] === '') throw invalid(`PARTS[${index}] must be an object with a non-empty name.`);
    const ok = 'content' in part ? isBlob(part['content']) || typeof part['content'] === 'string' : isBlob(part['value']) || typeof part['value'] === 'string';
    if (!ok) throw invalid(`PARTS[${index}] needs a value (a string or Blob) or a content (a Blob or base64 string).`);
  });
}

/** JSON text of the variables; a value JSON cannot carry (a BigInt, a cycle) is the caller's mistake. */
function variablesJson(variables: Record<string, JsonValue>): string {
  try {
    return JSON.stringify(variables);
  } catch (error) {
    throw new SwitchboardError('invalid_argument', 'The variables cannot be sent as JSON (a BigInt or a circular value?).', { cause: error });
  }
}

/**
 * Encodes the seed's data object for `POST /v1/orgs/{org}/invoke/{connector}.{api}`.
 *
 * Without any `Blob`, the data goes as the route's JSON form unchanged (base64 file contents
 * included). With a `Blob` as `FILE`, as a file part's `content` or as a part's `value`, it goes
 * as the route's multipart form, so file bytes travel as they are, without base64 inflation:
 * `VARIABLES` (the flat variables merged under `VARIABLES`, which wins, as the server does) as
 * a JSON text field, `CONTENT_TYPE`, each part in order, then `FILE`. A `FILE` whose `name` is not
 * `file` is sent as the last part under that name, which the server renders identically
 * (parts in order, then the file). In that form the field names `VARIABLES`, `CONTENT_TYPE` and
 * `FILE` carry the data object's own members, so a part (or a named `FILE`) may not use them.
 *
 * @throws {SwitchboardError} `invalid_argument` for a malformed data object, a `Blob` as a
 *   variable, base64 that is not, or a reserved part name in the multipart form.
 */
export function encodeInvokeData(data: InvokeData = {}): EncodedInvokeData {
  checkShape(data);
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, value] of Object.entries(data)) {
    if (reservedKeys.has(key) || value === undefined) continue;
    if (isBlob(value)) throw invalid(`Variable "${key}" is a Blob: send files as FILE or in PARTS.`);
    entries.push([key, value as JsonValue]);
  }
  // fromEntries defines own properties: a `__proto__` variable stays a variable, as on the server.
  const flat: Record<string, JsonValue> = Object.fromEntries(entries);
  const parts = data.PARTS ?? [];
  const file = data.FILE;
  const hasBlob =
    isBlob(file) || (file !== undefined && isBlob(file.content)) || parts.some((part) => (isFilePart(part) ? isBlob(part.content) : isBlob(part.value)));
  return hasBlob ? { form: multipartForm(data, flat, parts, file) } : { json: jsonForm(data, flat, parts, file) };
}

function jsonForm(data: InvokeData, flat: Record<string, JsonValue>, parts: readonly InvokePart[], file: InvokeData['FILE']): Record<string, unknown> {
  // The guard in encodeInvokeData rules out Blobs here: every content is a base64 string.
  const fileJson = (f: InvokeFile, defaultName: string | undefined) => ({
    ...(f.name !== undefined ? { name: f.name } : defaultName !== undefined ? { name: defaultName } : {}),
    filename: f.filename ?? 'file',
    ...(f.contentType !== undefined ? { contentType: f.contentType } : {}),
    content: f.content as string,
  });
  return {
    ...flat,
    ...(data.VARIABLES !== undefined ? { VARIABLES: data.VARIABLES } : {}),
    ...(data.CONTENT_TYPE !== undefined ? { CONTENT_TYPE: data.CONTENT_TYPE } : {}),
    ...(data.PARTS !== undefined ? { PARTS: parts.map((part) => (isFilePart(part) ? fileJson(part, part.name) : { name: part.name, value: part.value as string })) } : {}),
    ...(file !== undefined && !isBlob(file) ? { FILE: fileJson(file, undefined) } : {}),
  };
}

function multipartForm(data: InvokeData, flat: Record<string, JsonValue>, parts: readonly InvokePart[], file: InvokeData['FILE']): FormData {
  const form = new FormData();
  // Spread copies own properties as data, so a `__proto__` variable survives here too.
  const variables = { ...flat, ...data.VARIABLES };
  if (Object.keys(variables).length > 0) form.append('VARIABLES', variablesJson(variables));
  if (data.CONTENT_TYPE !== undefined) form.append('CONTENT_TYPE', data.CONTENT_TYPE);
  parts.forEach((part, index) => {
    // The server reads these fields as the data object's members, not as parts.
    if (reservedKeys.has(part.name)) throw invalid(`PARTS[${index}] is named "${part.name}", which the multipart form reserves: rename the part.`);
    if (isFilePart(part)) appendFile(form, part.name, part, `PARTS[${index}].content`);
    else if (isBlob(part.value)) form.append(part.name, part.value, fileNameOf(part.value) ?? 'file');
    else form.append(part.name, part.value);
  });
  if (file !== undefined) {
    const described: InvokeFile = isBlob(file) ? { content: file } : file;
    const named = described.name !== undefined && described.name !== 'file';
    if (named && reservedKeys.has(described.name)) throw invalid(`FILE.name "${described.name}" is reserved by the multipart form: use another field name.`);
    appendFile(form, named ? described.name : 'FILE', described, 'FILE.content');
  }
  return form;
}

function appendFile(form: FormData, field: string, file: InvokeFile, label: string): void {
  let blob = typeof file.content === 'string' ? base64Blob(file.content, label) : file.content;
  // A declared type wins over the Blob's own; re-wrapping references the bytes without copying them.
  if (file.contentType !== undefined && file.contentType !== blob.type) blob = new Blob([blob], { type: file.contentType });
  form.append(field, blob, file.filename ?? (isBlob(file.content) ? fileNameOf(file.content) : undefined) ?? 'file');
}

function base64Blob(content: string, label: string): Blob {
  let binary: string;
  try {
    binary = atob(content);
  } catch (error) {
    throw new SwitchboardError('invalid_argument', `${label} is not base64.`, { cause: error });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes]);
}
