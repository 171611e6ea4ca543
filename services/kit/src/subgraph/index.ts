export * from './descriptor.js';
export * from './start.js';
