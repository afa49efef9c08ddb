/**
 * Request and response types of an endpoint, inferred from its spec in `@switchboard/contracts`
 * (the same zod schemas the server validates with), so a page cannot send a field the server
 * refuses or read one it never answers.
 */
import type { EndpointSpec } from '@switchboard/contracts';
import type { z } from 'zod';

/** `{connector}` and `{api}` of `/v1/connectors/{connector}/apis/{api}` (also `{connector}.{api}`). */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/** What `api.call` takes for one endpoint: path params, query, body (JSON, or FormData where allowed). */
export type CallOptions<E extends EndpointSpec> = ([PathParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParamNames<E['path']>, string> }) &
  (E extends { body: infer B extends z.ZodType }
    ? { body: z.input<B> | (E extends { multipart: true } ? FormData : never) }
    : { body?: undefined }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: undefined }) & {
    signal?: AbortSignal;
  };

/** What `api.call` resolves to: the parsed response schema, or `undefined` (204, non-JSON answers). */
export type CallResult<E extends EndpointSpec> = E['response'] extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The options argument is optional when nothing in it is required. */
export type CallArgs<E extends EndpointSpec> = {} extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];
