import type { JsonValue } from '../json-value.js';
import type { ApiTemplate } from './api-template.js';
import { assertNoMissingVariables } from './assert-no-missing-variables.js';
import { effectiveBodyType, type InvokeContentType } from './effective-body-type.js';
import type { FilePart, Part } from './normalize-invoke-data.js';
import { createPlaceholderValues } from './placeholder-values.js';
import { placeholdersOf } from './placeholders-of.js';
import { renderBody } from './render-body.js';
import { renderHeaders } from './render-headers.js';
import { renderUrl } from './render-url.js';
import type { RenderedRequest } from './rendered-request.js';

/** Everything `renderRequest` reads; `normalizeInvokeData` produces the request-side fields. */
export interface RenderRequestInput {
  readonly api: ApiTemplate;
  readonly variables: Readonly<Record<string, JsonValue>>;
  /**
   * The connection's fields for `${connection.<field>}`, keyed by field name (`instance_url`).
   * Read only when a placeholder needs it (a getter here can defer decrypting them).
   */
  readonly connectionFields: Readonly<Record<string, JsonValue>>;
  readonly parts: readonly Part[];
  readonly file?: FilePart | undefined;
  /** The data's CONTENT_TYPE; `multipart` forces a multipart body. */
  readonly contentTypeOverride?: InvokeContentType | undefined;
}

const isContentType = ([name]: readonly [string, string]) => name.toLowerCase() === 'content-type';

/**
 * Renders an API definition and the caller's data into the upstream request. Pure: no I/O, and
 * the access token is attached afterwards by `applyTokenPlacement`.
 *
 * Steps, in order:
 * 1. body type — `effectiveBodyType` (GET/HEAD: none; CONTENT_TYPE multipart forces multipart);
 * 2. missing — every placeholder that will be rendered is checked first, and all missing names
 *    are reported in one `missing_variables` error;
 * 3. url — `renderUrl` (origin fixed by the definition, values encoded, result verified);
 * 4. headers — `renderHeaders` (values checked against RFC 9110 §5.5);
 * 5. body — `renderBody`; a template-less body carries the request variables that no URL, query
 *    or header placeholder used (never connection fields);
 * 6. content type — byte bodies get the API's Content-Type header, or a default one appended;
 *    multipart drops the API's Content-Type, since only the sender knows the boundary.
 */
export function renderRequest(input: RenderRequestInput): RenderedRequest {
  const { api } = input;
  const bodyType = effectiveBodyType(api, input.contentTypeOverride);
  const values = createPlaceholderValues(input.variables, () => input.connectionFields);

  assertNoMissingVariables(placeholdersOf(api, bodyType), values);

  const url = renderUrl(api.url, api.query, values);
  const headers = renderHeaders(api.headers, values);

  const placed = new Set(placeholdersOf(api, 'none'));
  const unplacedVariables = Object.fromEntries(Object.entries(input.variables).filter(([name]) => !placed.has(name)));
  const declared = headers.find(isContentType);
  const body = renderBody(
    bodyType,
    {
      template: api.body.template,
      parts: input.parts,
      file: input.file,
      unplacedVariables,
      declaredContentType: declared === undefined ? null : declared[1],
    },
    values,
  );

  if (body.kind === 'multipart') return { method: api.method, url, headers: headers.filter((h) => !isContentType(h)), body };
  if (body.kind === 'bytes' && declared === undefined && body.contentType !== null) {
    headers.push(['Content-Type', body.contentType]);
  }
  return { method: api.method, url, headers, body };
}
