import type { ApiBody } from '@switchboard/contracts';
import type { ApiTemplate } from './api-template.js';

/** The body types of an API (`none`, `json`, `form`, `multipart`, `raw`). */
export type BodyType = ApiBody['type'];

/** The invoke data's `CONTENT_TYPE`. */
export type InvokeContentType = 'multipart' | 'json' | 'form' | 'raw';

/**
 * The body type that will actually be rendered.
 * - GET and HEAD never carry a body: RFC 9110 §9.3.1/§9.3.2 give a body no meaning there and
 *   some servers and proxies reject one.
 * - `CONTENT_TYPE: 'multipart'` forces multipart (the seed's way to upload a file through any API).
 *   The other `CONTENT_TYPE` values are ignored: the template is written in the API's own body
 *   format, and re-reading it as another format would garble it.
 */
export function effectiveBodyType(api: Pick<ApiTemplate, 'method' | 'body'>, override?: InvokeContentType): BodyType {
  if (api.method === 'GET' || api.method === 'HEAD') return 'none';
  if (override === 'multipart') return 'multipart';
  return api.body.type;
}

/** Whether the body type fills `body.template` (multipart builds its parts from PARTS / FILE). */
export const bodyUsesTemplate = (type: BodyType): boolean => type === 'json' || type === 'form' || type === 'raw';
