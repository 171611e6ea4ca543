export * from './caller.js';
export * from './proof.js';
