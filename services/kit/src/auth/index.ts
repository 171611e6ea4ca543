export * from './caller.js';
export * from './hmac-key.js';
export * from './proof.js';
