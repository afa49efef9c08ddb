import { endpoints, publishConnectorSchema } from '@switchboard/contracts';
import { SwitchboardError, type LogoUpload, type PublishingService } from '@switchboard/core';
import type { Context, Hono } from 'hono';
import { logoResponse } from '../logo-response.js';
import { nodeIncoming, payloadTooLarge, readNodeRequestBody } from '../node-request-body.js';
import { on, respond } from '../route-table.js';
import { parseWith, readJson } from '../validation.js';

/**
 * The publish body cap: a 256 KB logo as base64 (≈ 350 KB) or as a percent-encoded SVG data URL
 * (up to 3×), plus 10,000 characters of notes, fit well within it. Larger logos still arrive
 * whole below it, so they are refused as `invalid_logo` with their size rather than as a 413.
 */
const publishMaxBytes = 2 * 1024 * 1024;

async function readBodyBytes(c: Context, maxBytes: number): Promise<Buffer> {
  const request = c.req.raw;
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw payloadTooLarge(maxBytes);
  const incoming = nodeIncoming(c);
  if (incoming !== undefined) return readNodeRequestBody(incoming, maxBytes);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.byteLength > maxBytes) throw payloadTooLarge(maxBytes);
  return body;
}

const invalidMultipart = () =>
  new SwitchboardError('validation_failed', 'The multipart body could not be parsed.', { details: { errors: [{ path: 'body', message: 'invalid multipart/form-data' }] } });

/**
 * multipart/form-data form of the publish body: a `logo` part (a file; its Content-Type, when
 * given, must agree with the content — the filename is ignored) and `supportEmail` and
 * `releaseNotes` text fields. A `logo` text field is read like the JSON form (base64 or data URL).
 */
async function readMultipartPublish(c: Context, maxBytes: number) {
  const bytes = await readBodyBytes(c, maxBytes);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': c.req.header('content-type') ?? '' } }).formData();
  } catch {
    throw invalidMultipart();
  }
  const fields: Record<string, string> = {};
  let file: LogoUpload | undefined;
  const errors: Array<{ path: string; message: string }> = [];
  for (const [name, value] of form.entries()) {
    if (name in fields || (name === 'logo' && file)) {
      errors.push({ path: `body.${name}`, message: 'given more than once' });
    } else if (typeof value !== 'string') {
      if (name === 'logo') {
        const type = value.type.trim();
        file = { bytes: new Uint8Array(await value.arrayBuffer()), declaredType: type === '' ? null : type };
      } else errors.push({ path: `body.${name}`, message: 'unknown file field' });
    } else fields[name] = value;
  }
  if (errors.length > 0) throw new SwitchboardError('validation_failed', 'The request body is invalid.', { details: { errors } });
  // Validate like the JSON body (same messages); a file logo stands in as a placeholder there.
  const parsed = parseWith(publishConnectorSchema, file ? { ...fields, logo: 'file' } : fields, 'body');
  return { ...parsed, logo: file ?? parsed.logo };
}

const versionParam = (c: Context): number => Number(c.req.param('n'));

export function versionRoutes(app: Hono, publishing: PublishingService, maxBytes: number): void {
  const cap = Math.min(maxBytes, publishMaxBytes);
  on(app, endpoints.publishConnector, async (c) => {
    const isMultipart = /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');
    const input = isMultipart ? await readMultipartPublish(c, cap) : await readJson(c, endpoints.publishConnector.body, cap);
    return respond(c, endpoints.publishConnector, await publishing.publish(c.req.param('connector')!, input));
  });
  on(app, endpoints.listVersions, async (c) => respond(c, endpoints.listVersions, { items: await publishing.list(c.req.param('connector')!) }));
  on(app, endpoints.getVersion, async (c) => respond(c, endpoints.getVersion, await publishing.get(c.req.param('connector')!, versionParam(c))));
  on(app, endpoints.getVersionLogo, async (c) => {
    const logo = await publishing.getLogo(c.req.param('connector')!, versionParam(c));
    // Versions are immutable, so the bytes at this URL never change.
    return logoResponse(logo, 'private, max-age=31536000, immutable');
  });
}
