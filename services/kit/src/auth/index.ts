export * from './authorization.js';
export * from './caller.js';
export * from './proof.js';
