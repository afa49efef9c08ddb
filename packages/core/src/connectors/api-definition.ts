import type { ApiBody } from '@switchboard/contracts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One named API of a connector; its identifier is `<connector>.<api>`. */
export interface ApiDefinition {
  readonly id: string;
  readonly connectorId: string;
  readonly apiName: string;
  readonly name: string;
  readonly description: string | null;
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: ApiBody;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
