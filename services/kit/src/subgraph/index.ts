export * from './descriptor.js';
export * from './start.js';
export * from './subgraph-call.js';
