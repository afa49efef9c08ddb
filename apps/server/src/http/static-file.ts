import { open, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { Context } from 'hono';

/**
 * The decoded segments of a URL path below a prefix, or undefined when any segment could reach
 * outside the folder it is served from or name a hidden file: `.`/`..` (also percent-encoded; the
 * URL parser already removes the literal ones), an encoded `/` or `\`, NUL or any other control
 * character, a leading dot, an empty segment (`//`), or percent-encoding that is not UTF-8.
 * A trailing slash leaves a final empty segment: the caller decides what a folder means.
 */
export function safeSegments(rawPath: string): string[] | undefined {
  if (rawPath === '') return [];
  const parts = rawPath.split('/');
  const segments: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (part === '' && i === parts.length - 1) {
      segments.push('');
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (decoded === '' || decoded.startsWith('.') || /[/\\\u0000-\u001f\u007f]/.test(decoded) || decoded.length > 255) return undefined;
    segments.push(decoded);
  }
  return segments;
}

/**
 * The request's path as the client sent it (still percent-encoded): the Node request's target
 * when there is one, since the URL parser behind `c.req.url` resolves dot segments (`/a/../b` is
 * `/b` there) and a traversal attempt must be refused, not quietly answered as another path.
 */
export function rawPathOf(c: Context): string {
  const target = (c.env as { incoming?: { url?: unknown } } | undefined)?.incoming?.url;
  const path = typeof target === 'string' && target.startsWith('/') ? target : new URL(c.req.url).pathname;
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

export interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type served for a file name (by extension; nosniff keeps browsers to it). */
export const contentTypeOf = (name: string): string => contentTypes[extname(name).toLowerCase()] ?? 'application/octet-stream';

/** Larger than any console asset: a file beyond it is not read into memory. */
const maxStaticBytes = 16 * 1024 * 1024;

/**
 * The regular file at `segments` (from `safeSegments`) under `root`, or undefined when there is
 * none. The file's real path (symbolic links resolved) must still lie inside the root's real
 * path: a link inside the build folder cannot serve a file outside it.
 */
export async function readStaticFile(root: string, segments: readonly string[]): Promise<StaticFile | undefined> {
  if (segments.length === 0 || segments.some((segment) => segment === '')) return undefined;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(join(realRoot, ...segments));
  } catch {
    return undefined;
  }
  if (!realFile.startsWith(realRoot + sep)) return undefined;
  let handle;
  try {
    handle = await open(realFile, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > maxStaticBytes) return undefined;
    return { body: new Uint8Array(await handle.readFile()), contentType: contentTypeOf(realFile) };
  } finally {
    await handle.close();
  }
}
