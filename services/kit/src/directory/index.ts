/**
 * The organization directory: every subgraph's local replica of the
 * organization tree, kept current from the organizations subgraph's change
 * feed, and the scope and subtree helpers that read it with local SQL.
 *
 * A consuming subgraph's descriptor adds three things:
 *   env: { ...directoryEnv },                       // ORGANIZATIONS_URL
 *   migrations: [..., directoryMigration],          // directory_organization + directory_state in its schema
 *   start: ({ orm, config, log }) => {
 *     const directory = startDirectoryFollower({ orm, feedUrl: organizationFeedUrl(config.ORGANIZATIONS_URL), gatewaySecret: config.GATEWAY_SECRET, log, service: '<name>' });
 *     return { stop: () => directory.stop() };
 *   },
 * then reads it per request: new Directory(ctx).inScope(caller, id) / requireLive(id, 'input.field') / name(id),
 * subtreeCondition(knex, 'organization_id', { organizationId, includeDescendants }) and scopeCondition for lists
 * and totalCount, countByAncestorLevel for statistics, readBoundary for who reads records before they are public.
 */
export * from '../auth/service-proof.js';
export * from '../http/service-auth.js';
export * from './apply.js';
export * from './directory.js';
export * from './feed.js';
export * from './follower.js';
export * from './Migration20261201210000_organization_directory.js';
export * from './audit-visibility.js';
export * from './read-boundary.js';
