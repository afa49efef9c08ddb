/** A logo as received, before its content is checked. */
export interface LogoUpload {
  readonly bytes: Uint8Array;
  /**
   * The type the sender declared (a data URL's media type, a multipart part's Content-Type), or
   * null when none was (bare base64, `application/octet-stream`). It must agree with the content.
   */
  readonly declaredType: string | null;
}
