export * from '../auth/service-proof.js';
export * from '../http/service-auth.js';
export * from './apply.js';
export * from './directory.js';
export * from './feed.js';
export * from './follower.js';
export * from './Migration20261201210000_organization_directory.js';
