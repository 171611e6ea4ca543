import 'reflect-metadata';

export * from './config.js';
export * from './errors.js';
export * from './log.js';
export * from './services.js';
export * from './text.js';
export * from './validation.js';
export * from './database/keyset.js';
export * from './database/orm.js';
export * from './database/sql-stats.js';
export * from './database/admin.js';
export * from './graphql/context.js';
export * from './graphql/pagination.js';
export * from './graphql/scalars.js';
export * from './graphql/schema.js';
export * from './graphql/entity.js';
export * from './http/subgraph-server.js';
export * from './http/errors.js';
