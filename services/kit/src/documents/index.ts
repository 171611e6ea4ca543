export * from './document-number.js';
export * from './document-types.js';
