export * from './database.js';
export * from './graphql.js';
export { freePort } from './global-setup.js';
export * from './subgraph.js';
