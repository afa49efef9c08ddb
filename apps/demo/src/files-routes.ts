import { createHash, randomUUID } from 'node:crypto';

import { Hono } from 'hono';

import type { ApiEnv } from './api-principal.js';
import { requireScope } from './bearer-auth.js';
import type { UploadStore } from './upload-store.js';

/** `/files`: multipart uploads with one file part (any field name) and optional text fields. */
export function createFilesRoutes(uploads: UploadStore): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/', requireScope('files:write'), async (c) => {
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'invalid_request', error_description: 'expected multipart/form-data' }, 415);
    }
    const form = await c.req.formData().catch(() => undefined);
    if (form === undefined) {
      return c.json({ error: 'invalid_request', error_description: 'malformed multipart body' }, 400);
    }
    let file: { fieldName: string; value: File } | undefined;
    const otherFields: Record<string, string> = {};
    for (const [fieldName, value] of form.entries()) {
      if (typeof value === 'string') otherFields[fieldName] = value;
      else if (file === undefined) file = { fieldName, value };
      else return c.json({ error: 'invalid_request', error_description: 'send exactly one file part' }, 400);
    }
    if (file === undefined) {
      return c.json({ error: 'invalid_request', error_description: 'no file part in the body' }, 400);
    }
    const bytes = Buffer.from(await file.value.arrayBuffer());
    const record = {
      id: randomUUID(),
      filename: file.value.name,
      contentType: file.value.type,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    uploads.add({ ...record, fieldName: file.fieldName, otherFields });
    return c.json(record, 201);
  });

  return app;
}
