import { maxLogoBytes } from '@switchboard/contracts';
import { SwitchboardError } from '../switchboard-error.js';
import type { Logo, LogoContentType } from './connector-version.js';
import type { LogoUpload } from './logo-upload.js';
import { svgProblem } from './svg-problem.js';

const invalidLogo = (reason: string) => new SwitchboardError('invalid_logo', `The logo ${reason}.`, { details: { reason } });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);

/**
 * The image type by content: PNG by its signature and leading IHDR chunk (PNG spec §5.2, §11.2.2),
 * JPEG by its SOI marker followed by another marker (ITU T.81 §B.1.1.3), and anything that
 * starts like XML as an SVG candidate (checked fully by `svgProblem`). Null for anything else.
 */
export function sniffLogoType(bytes: Uint8Array): LogoContentType | null {
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  return bytes[i] === 0x3c /* < */ ? 'image/svg+xml' : null;
}

/** A declared type as one of ours, null when none was declared, or the string when it names another. */
function normalizeDeclared(declared: string | null): LogoContentType | null | { other: string } {
  if (declared === null) return null;
  const essence = declared.split(';')[0]!.trim().toLowerCase();
  if (essence === '' || essence === 'application/octet-stream') return null;
  if (essence === 'image/png' || essence === 'image/jpeg' || essence === 'image/svg+xml') return essence;
  if (essence === 'image/jpg' || essence === 'image/pjpeg') return 'image/jpeg';
  return { other: essence.slice(0, 100) };
}

/** The `charset` parameters of a declared type (RFC 2045 §5.1, RFC 2397 §3), unquoted. */
function declaredCharsets(declared: string | null): string[] {
  if (declared === null) return [];
  const charsets: string[] = [];
  for (const parameter of declared.split(';').slice(1)) {
    const equals = parameter.indexOf('=');
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    charsets.push(parameter.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return charsets;
}

/** Whether a charset label names UTF-8 (WHATWG Encoding labels: `utf-8`, `utf8`, …). */
function isUtf8Label(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'utf-8';
  } catch {
    return false;
  }
}

/**
 * Check an uploaded logo and return it typed by its content: PNG, JPEG or a plain-drawing SVG
 * of at most 256 KB, whose declared type (if any) agrees with the content. A mislabeled file is
 * refused rather than relabeled: the sender's tooling is confused, and silently serving a
 * different type than declared is how content-sniffing attacks start.
 */
export function readLogo(upload: LogoUpload): Logo {
  const { bytes } = upload;
  if (bytes.byteLength === 0) throw invalidLogo('is empty');
  if (bytes.byteLength > maxLogoBytes) throw invalidLogo(`is ${bytes.byteLength} bytes, larger than 256 KB (${maxLogoBytes} bytes)`);
  // SVG is read as UTF-8 only: text declared in another charset would be decoded as something
  // other than what the sender meant (and checked for scripts as such), so it is refused.
  const charset = declaredCharsets(upload.declaredType).find((label) => !isUtf8Label(label));
  if (charset !== undefined) throw invalidLogo(`declares charset ${JSON.stringify(charset.slice(0, 40))}, but only UTF-8 is accepted`);
  const contentType = sniffLogoType(bytes);
  if (contentType === null) throw invalidLogo('is not a PNG, JPEG or SVG image (judged by its content)');
  const declared = normalizeDeclared(upload.declaredType);
  if (declared !== null && typeof declared === 'object') {
    throw invalidLogo(`is declared as ${declared.other}, but only image/png, image/jpeg and image/svg+xml are accepted`);
  }
  if (contentType === 'image/svg+xml') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalidLogo('is not a PNG or JPEG image, nor an SVG in UTF-8');
    }
    const problem = svgProblem(text);
    if (problem !== null) throw invalidLogo(`is not a PNG, JPEG or safe SVG: ${problem}`);
  }
  if (declared !== null && declared !== contentType) throw invalidLogo(`is mislabeled: declared ${declared}, but its content is ${contentType}`);
  return { contentType, bytes };
}
