import type { ApiView, CreateApiInput, UpdateApiInput } from '@switchboard/contracts';
import { newKeyValueRow as newRow, type KeyValueRow } from '../../components/key-value-editor.js';

export type HttpMethod = ApiView['method'];
export type BodyType = ApiView['body']['type'];

/** What the API editor edits: text everywhere, rows for the maps. */
export interface ApiFormValues {
  readonly name: string;
  readonly apiName: string;
  readonly description: string;
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: readonly KeyValueRow[];
  readonly query: readonly KeyValueRow[];
  readonly bodyType: BodyType;
  readonly bodyTemplate: string;
}

export const emptyApiValues: ApiFormValues = {
  name: '',
  apiName: '',
  description: '',
  method: 'GET',
  url: '',
  headers: [],
  query: [],
  bodyType: 'none',
  bodyTemplate: '',
};

/** A saved API → the editor's values. */
export function apiToValues(api: ApiView): ApiFormValues {
  return {
    name: api.name,
    apiName: api.apiName,
    description: api.description ?? '',
    method: api.method,
    url: api.url,
    headers: Object.entries(api.headers).map(([key, value]) => newRow(key, value)),
    query: Object.entries(api.query).map(([key, value]) => newRow(key, value)),
    bodyType: api.body.type,
    bodyTemplate: api.body.template ?? '',
  };
}

/** Rows → a map; rows with an empty key are left out (a blank row the user has not filled). */
export function rowsToMap(rows: readonly KeyValueRow[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key !== '') map[key] = row.value;
  }
  return map;
}

/** The body as the API stores it: a template only for the types that render one. */
export function bodyOf(values: Pick<ApiFormValues, 'bodyType' | 'bodyTemplate'>): ApiView['body'] {
  const usesTemplate = values.bodyType === 'json' || values.bodyType === 'form' || values.bodyType === 'raw';
  return usesTemplate ? { type: values.bodyType, template: values.bodyTemplate } : { type: values.bodyType };
}

/** Errors the editor finds before sending (duplicate keys would silently collapse in a map). */
export type LocalApiErrors = Partial<Record<'headers' | 'query', string>>;

export function localApiErrors(values: ApiFormValues): LocalApiErrors {
  const errors: LocalApiErrors = {};
  const duplicate = (rows: readonly KeyValueRow[], caseInsensitive: boolean) => {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = caseInsensitive ? row.key.trim().toLowerCase() : row.key.trim();
      if (key === '') continue;
      if (seen.has(key)) return row.key.trim();
      seen.add(key);
    }
    return undefined;
  };
  const header = duplicate(values.headers, true);
  if (header !== undefined) errors.headers = `“${header}” is listed twice (header names are case-insensitive)`;
  const query = duplicate(values.query, false);
  if (query !== undefined) errors.query = `“${query}” is listed twice`;
  return errors;
}

/** The POST body: optional fields left out when empty. */
export function toCreateApiBody(values: ApiFormValues): CreateApiInput {
  return {
    name: values.name.trim(),
    ...(values.apiName.trim() === '' ? {} : { apiName: values.apiName.trim() }),
    ...(values.description.trim() === '' ? {} : { description: values.description.trim() }),
    method: values.method,
    url: values.url.trim(),
    headers: rowsToMap(values.headers),
    query: rowsToMap(values.query),
    body: bodyOf(values),
  };
}

/** The PATCH body: every field sent (an emptied description is cleared with null); apiName never. */
export function toUpdateApiBody(values: ApiFormValues): UpdateApiInput {
  return {
    name: values.name.trim(),
    description: values.description.trim() === '' ? null : values.description.trim(),
    method: values.method,
    url: values.url.trim(),
    headers: rowsToMap(values.headers),
    query: rowsToMap(values.query),
    body: bodyOf(values),
  };
}

/** Whether the editor's values differ from the saved API (row ids ignored). */
export function isDirty(values: ApiFormValues, saved: ApiFormValues): boolean {
  const plain = (v: ApiFormValues) =>
    JSON.stringify({ ...v, headers: v.headers.map(({ key, value }) => [key, value]), query: v.query.map(({ key, value }) => [key, value]), ...bodyOf(v) });
  return plain(values) !== plain(saved);
}
