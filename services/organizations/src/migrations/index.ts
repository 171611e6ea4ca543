import { Migration20261128000000_initial } from './Migration20261128000000_initial.js';
import { Migration20261128010000_audit_and_contacts } from './Migration20261128010000_audit_and_contacts.js';
import { Migration20261201200000_organization_feed } from './Migration20261201200000_organization_feed.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [
  { name: 'Migration20261128000000_initial', class: Migration20261128000000_initial },
  { name: 'Migration20261128010000_audit_and_contacts', class: Migration20261128010000_audit_and_contacts },
  { name: 'Migration20261201200000_organization_feed', class: Migration20261201200000_organization_feed },
];
