export * from './audit-event.entity.js';
export * from './audit-subscriber.js';
export * from './audit-queries.js';
export * from './audit-endpoint.js';
