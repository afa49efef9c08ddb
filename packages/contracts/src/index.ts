export * from './common.js';
export * from './problem.js';
export * from './connectors.js';
export * from './apis.js';
export * from './orgs.js';
export * from './connections.js';
export * from './invoke.js';
export * from './endpoints.js';
