import type { JsonValue } from '../json-value.js';
import type { BodyType } from './effective-body-type.js';
import type { FilePart, Part } from './normalize-invoke-data.js';
import type { PlaceholderValues } from './placeholder-values.js';
import type { RenderedBody } from './rendered-request.js';
import { renderFormBody } from './render-form-body.js';
import { renderJsonBody } from './render-json-body.js';
import { renderMultipartBody } from './render-multipart-body.js';
import { renderRawBody } from './render-raw-body.js';

/** What a body renderer needs besides the placeholder values. */
export interface BodySource {
  readonly template: string | undefined;
  readonly parts: readonly Part[];
  readonly file: FilePart | undefined;
  /** Request variables no URL, query or header placeholder used: the body of template-less APIs. */
  readonly unplacedVariables: Readonly<Record<string, JsonValue>>;
  /** The rendered Content-Type header of the API, if it has one; it wins over the default. */
  readonly declaredContentType: string | null;
}

/** Content types sent when the API's headers name none (RFC 8259 §11, WHATWG URL §5). */
export const defaultContentTypes = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  raw: 'text/plain; charset=utf-8',
} as const;

const utf8 = new TextEncoder();

/** Renders the body of the given (effective) type; text bodies are sent as UTF-8. */
export function renderBody(type: BodyType, source: BodySource, values: PlaceholderValues): RenderedBody {
  switch (type) {
    case 'none':
      return { kind: 'none' };
    case 'multipart':
      return { kind: 'multipart', parts: renderMultipartBody(source.parts, source.file, source.unplacedVariables) };
    case 'json':
    case 'form':
    case 'raw': {
      const text =
        type === 'json'
          ? renderJsonBody(source.template, values, source.unplacedVariables)
          : type === 'form'
            ? renderFormBody(source.template, values, source.unplacedVariables)
            : renderRawBody(source.template, values);
      return { kind: 'bytes', contentType: source.declaredContentType ?? defaultContentTypes[type], bytes: utf8.encode(text) };
    }
  }
}
