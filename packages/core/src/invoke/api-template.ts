import type { ApiDefinition } from '../connectors/api-definition.js';

/** The parts of an API definition that rendering reads; a full `ApiDefinition` satisfies it. */
export type ApiTemplate = Pick<ApiDefinition, 'method' | 'url' | 'headers' | 'query' | 'body'>;
