import { endpoints, problemSchema, type EndpointSpec } from '@switchboard/contracts';
import { errorCodes } from '@switchboard/core';
import { z } from 'zod';
import { problemStatus } from './problem-status.js';

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
          description: 'VARIABLES (a JSON object as text), CONTENT_TYPE, FILE (a file), and any other field as a part (files keep their filename and type).',
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
      ...(spec.auth === 'admin' ? {} : { security: [] }),
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
      securitySchemes: { adminKey: { type: 'http', scheme: 'bearer', description: 'The admin key.' } },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
    'x-error-codes': Object.fromEntries(
      Object.entries(errorCodes).map(([code, description]) => [code, { status: problemStatus[code as keyof typeof errorCodes], description }]),
    ),
  };
}
