/** A JSON value: what a placeholder variable may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A file for `FILE` or a file part. `content` is a browser `Blob`/`File` (sent as real
 * multipart, no base64) or a base64 string (the JSON form of the invoke route).
 */
export interface InvokeFile {
  /** The multipart field name; default `file` (for `FILE`). */
  readonly name?: string;
  /** Default: the `File`'s name, else `file`. */
  readonly filename?: string;
  /** Default: the `Blob`'s type, else `application/octet-stream`. */
  readonly contentType?: string;
  readonly content: Blob | string;
}

/** A text part of a multipart body, or a file given as a `Blob`/`File` value. */
export interface InvokeValuePart {
  readonly name: string;
  readonly value: string | Blob;
}

/** A file part of a multipart body. */
export interface InvokeFilePart extends InvokeFile {
  readonly name: string;
}

/** One entry of `PARTS`, in the order the upstream receives them. */
export type InvokePart = InvokeValuePart | InvokeFilePart;

/**
 * The seed's data object for `invokeAPI`. `VARIABLES` fill the API's `${placeholders}`; every
 * other key that is not reserved is a variable too (when both name one, `VARIABLES` wins).
 * `CONTENT_TYPE: 'multipart'` sends the body as multipart/form-data: `PARTS` in order, then `FILE`.
 *
 * @example
 * ```js
 * await sb.invokeAPI('acme.uploadfile', { CONTENT_TYPE: 'multipart', PARTS: [{ name: 'note', value: 'Q3' }], FILE: input.files[0] });
 * ```
 */
export interface InvokeData {
  readonly VARIABLES?: Readonly<Record<string, JsonValue>>;
  readonly CONTENT_TYPE?: 'multipart' | 'json' | 'form' | 'raw';
  readonly PARTS?: readonly InvokePart[];
  /** A `File`/`Blob` directly (field `file`), or an {@link InvokeFile}. */
  readonly FILE?: Blob | InvokeFile;
  /** Flat variables, the seed's `data.put("First_Name", …)` style. */
  readonly [variable: string]: JsonValue | Readonly<Record<string, JsonValue>> | readonly InvokePart[] | Blob | InvokeFile | undefined;
}

/** What the upstream answered, as Switchboard relays it. */
export interface InvokeResult<TBody = unknown> {
  /** The upstream's HTTP status (Switchboard's own failures reject instead). */
  readonly status: number;
  /** The upstream's response headers that Switchboard passes on, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, text, or `{base64, contentType}` for binary answers. */
  readonly body: TBody;
}
