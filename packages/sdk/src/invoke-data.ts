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
  /** The bytes: a `Blob`/`File`, or base64 text. */
  readonly content: Blob | string;
}

/** A text part of a multipart body, or a file given as a `Blob`/`File` value. */
export interface InvokeValuePart {
  /** The multipart field name. `VARIABLES`, `CONTENT_TYPE` and `FILE` are refused when the body goes as multipart. */
  readonly name: string;
  /** Text, or a `Blob`/`File` sent as a file part (its filename, else `file`). */
  readonly value: string | Blob;
}

/** A file part of a multipart body. */
export interface InvokeFilePart extends InvokeFile {
  /** The multipart field name (required for a part). */
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
  /** Values of the API's `${placeholders}`, by name; they win over flat keys of the same name. */
  readonly VARIABLES?: Readonly<Record<string, JsonValue>>;
  /**
   * The body type of this call, overriding the API's own: `multipart` (multipart/form-data:
   * `PARTS` then `FILE`), `json`, `form` (application/x-www-form-urlencoded) or `raw`.
   */
  readonly CONTENT_TYPE?: 'multipart' | 'json' | 'form' | 'raw';
  /** The multipart body's parts, in order (before `FILE`). */
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
