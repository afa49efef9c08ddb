import { Hono, type Context } from 'hono';
import { z } from 'zod';

import type { ApiEnv } from './api-principal.js';
import { requireScope } from './bearer-auth.js';
import type { ContactStore, NewContact } from './contact-store.js';

const newContactSchema = z.strictObject({
  First_Name: z.string().trim().min(1),
  Last_Name: z.string().trim().min(1),
  Email_ID: z.string().trim().min(1),
  // The seed's own example sends `data.put("Phone_Number", "")`: empty means "no phone number".
  Phone_Number: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});

/** `/contacts`: list, read and create the caller's contacts. */
export function createContactsRoutes(store: ContactStore): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/', requireScope('contacts:read'), (c) => c.json({ contacts: store.list(c.get('principal').sub) }));

  app.get('/:id', requireScope('contacts:read'), (c) => {
    const contact = store.get(c.get('principal').sub, c.req.param('id'));
    return contact === undefined
      ? c.json({ error: 'not_found', error_description: 'no such contact' }, 404)
      : c.json(contact);
  });

  app.post('/', requireScope('contacts:write'), async (c) => {
    const body = await readBody(c);
    const parsed = newContactSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ error: 'invalid_request', error_description: z.prettifyError(parsed.error) }, 400);
    }
    const input: NewContact = parsed.data;
    return c.json(store.create(c.get('principal').sub, input), 201);
  });

  return app;
}

/** JSON or form-encoded, as real CRMs accept both; anything else is left to fail validation. */
async function readBody(c: Context<ApiEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return Object.fromEntries(new URLSearchParams(await c.req.text()));
  }
  if (/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return c.req.json<unknown>().catch(() => undefined);
  }
  return undefined;
}
