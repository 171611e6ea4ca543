export * from './admin.js';
export * from './embedded.js';
