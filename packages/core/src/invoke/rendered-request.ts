import type { HttpMethod } from '../connectors/api-definition.js';

/** A multipart text field (RFC 7578 §4.2 `name`). */
export interface RenderedValuePart {
  readonly name: string;
  readonly value: string;
}

/** A multipart file field (RFC 7578 §4.2 `filename`, §4.4 Content-Type). */
export interface RenderedFilePart {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One multipart/form-data part; the sender encodes them and picks the boundary (RFC 7578 §4.1). */
export type RenderedPart = RenderedValuePart | RenderedFilePart;

/** The request body, ready to send. */
export type RenderedBody =
  | { readonly kind: 'none' }
  /** `contentType` mirrors the Content-Type header in `headers` (null: none is sent). */
  | { readonly kind: 'bytes'; readonly contentType: string | null; readonly bytes: Uint8Array }
  /** `headers` carries no Content-Type: the sender sets it with the boundary it generates. */
  | { readonly kind: 'multipart'; readonly parts: RenderedPart[] };

/**
 * An upstream request with every placeholder filled, before the access token is attached.
 * `headers` is complete and in order (a Content-Type for byte bodies included), so a sender
 * passes it through as is.
 */
export interface RenderedRequest {
  readonly method: HttpMethod;
  readonly url: URL;
  readonly headers: Array<[string, string]>;
  readonly body: RenderedBody;
}
