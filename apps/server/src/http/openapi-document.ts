import { consoleCookieName, endpoints, problemSchema, type EndpointSpec } from '@switchboard/contracts';
import { errorCodes } from '@switchboard/core';
import { z } from 'zod';
import { hostConsoleCookieName } from './console-cookie.js';
import { problemStatus } from './problem-status.js';

/** Which credentials each `EndpointSpec.auth` accepts (any one of them: OpenAPI ORs the list). */
const securityFor: Record<EndpointSpec['auth'], Array<Record<string, string[]>>> = {
  admin: [{ adminKey: [] }, { consoleSession: [] }],
  org: [{ adminKey: [] }, { orgKey: [] }, { consoleSession: [] }],
  connector: [{ adminKey: [] }, { orgKey: [] }, { sessionToken: [] }, { consoleSession: [] }],
  none: [],
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so the
 * two cannot drift. Error codes and their statuses are listed under `x-error-codes`.
 */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, spec] of Object.entries(endpoints) as Array<[string, EndpointSpec]>) {
    const parameters = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      const query = jsonSchema(spec.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: schema as { type: string } });
      }
    }
    const content: Record<string, unknown> = {};
    if (spec.body) content['application/json'] = { schema: jsonSchema(spec.body, 'input') };
    if (spec.multipart) {
      content['multipart/form-data'] = {
        schema: {
          type: 'object',
          description:
            spec.multipartDescription ??
            'VARIABLES (a JSON object as text), CONTENT_TYPE, FILE (a file), and any other field as a part (files keep their filename and type).',
        },
      };
    }
    const success = spec.response.schema
      ? { content: { [spec.response.contentType ?? 'application/json']: { schema: jsonSchema(spec.response.schema, 'output') } } }
      : spec.response.contentType
        ? { content: { [spec.response.contentType]: {} } }
        : {};
    (paths[spec.path] ??= {})[spec.method] = {
      operationId,
      summary: spec.summary,
      tags: [spec.tag],
      security: securityFor[spec.auth],
      'x-auth': spec.auth,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(Object.keys(content).length > 0 ? { requestBody: { required: !spec.query && spec.method !== 'get', content } } : {}),
      responses: {
        [String(spec.response.status)]: { description: 'Success', ...success },
        default: { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Switchboard API', version: '1.0.0', description: 'OAuth 2.0 connectors: create, authorize, invoke, revoke.' },
    servers: [{ url: serverUrl }],
    security: [{ adminKey: [] }],
    paths,
    components: {
      securitySchemes: {
        adminKey: { type: 'http', scheme: 'bearer', description: 'The admin key: every route.' },
        orgKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sbo_<id>.<secret>',
          description: "A key of one org (POST /v1/orgs/{org}/keys): that org's connections, invoke, events and sessions only. Another org's routes answer 404 as if it did not exist; admin routes 403.",
        },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sbs_<org>.<id>.<secret>',
          description:
            "An SDK session token (POST /v1/orgs/{org}/sessions): the org's connector routes (authorize, status, revoke, invoke) only, for its listed connectors, from its listed origins (checked against Origin; CORS answers only those), until it expires or its org key is revoked.",
        },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          // The name the server at `serverUrl` uses (see `createConsoleCookies`).
          name: new URL(serverUrl).protocol === 'https:' ? hostConsoleCookieName : consoleCookieName,
          description:
            'The web console\'s session cookie (POST /v1/console/session; `sb_console` on plain http, `__Host-sb_console` over https): acts as the key it was signed in with (the admin key, or an org key: that key\'s routes only). Requests that change something must carry X-Switchboard-CSRF: 1 and, when Origin is sent, come from Switchboard\'s own origin (else 403 csrf_rejected). Several cookies of that name are refused (401) and expired. Ignored when an Authorization header is present; never answered with CORS.',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
    'x-error-codes': Object.fromEntries(
      Object.entries(errorCodes).map(([code, description]) => [code, { status: problemStatus[code as keyof typeof errorCodes], description }]),
    ),
  };
}
