import { SwitchboardError } from '../switchboard-error.js';
import type { LogoUpload } from './logo-upload.js';

const invalidLogo = (reason: string) => new SwitchboardError('invalid_logo', `The logo ${reason}.`, { details: { reason } });

/** Standard or URL-safe base64 (RFC 4648 §4, §5), padding optional. */
const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !base64Pattern.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw invalidLogo('is neither base64 nor a data URL');
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Percent-decode to bytes (RFC 3986 §2.1); other characters are taken as UTF-8. */
function percentDecode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const codePoint = text.codePointAt(i)!;
      const char = String.fromCodePoint(codePoint);
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  return new Uint8Array(bytes);
}

/**
 * The logo as sent in a JSON body: a data URL (RFC 2397, `data:image/png;base64,…` or
 * percent-encoded `data:image/svg+xml,…`), whose media type is kept to be compared with the
 * content, or bare base64 (no declared type).
 */
export function parseLogoText(text: string): LogoUpload {
  const trimmed = text.trim();
  if (!/^data:/i.test(trimmed)) return { bytes: decodeBase64(trimmed), declaredType: null };
  const comma = trimmed.indexOf(',');
  if (comma === -1) throw invalidLogo('is a data URL without a comma before its data');
  const header = trimmed.slice('data:'.length, comma).split(';').map((part) => part.trim());
  const isBase64 = header.length > 1 && header[header.length - 1]!.toLowerCase() === 'base64';
  // The media type keeps its parameters (`charset`): `readLogo` refuses an SVG declared in
  // anything but UTF-8 rather than decode it as UTF-8 regardless.
  const mediaType = (isBase64 ? header.slice(0, -1) : header).join(';');
  const data = trimmed.slice(comma + 1);
  return { bytes: isBase64 ? decodeBase64(percentDecodeText(data)) : percentDecode(data), declaredType: mediaType === '' ? null : mediaType };
}

/** Base64 in a data URL may itself be percent-encoded (`%2B` for `+`). */
const percentDecodeText = (data: string) => (data.includes('%') ? Buffer.from(percentDecode(data)).toString('latin1') : data);
