// RFC 9110 §5.5: field-value = *field-content, built from VCHAR (%x21-7E), obs-text (%x80-FF),
// SP and HTAB. Everything else — NUL, CR, LF, other C0 controls, DEL, and anything above U+00FF
// (which has no single octet) — is refused. CR/LF would split the header (request smuggling).
const invalidFieldValueCharacter = /[^\t\x20-\x7E\x80-\xFF]/;

/** Whether text may be sent as (part of) an HTTP field value (RFC 9110 §5.5). */
export function isValidHeaderValue(text: string): boolean {
  return !invalidFieldValueCharacter.test(text);
}
