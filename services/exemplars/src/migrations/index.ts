import { Migration20261202100000_initial } from './Migration20261202100000_initial.js';
import { Migration20261204000000_recognised_order_index } from './Migration20261204000000_recognised_order_index.js';
import { Migration20261205000000_organization_ancestors } from './Migration20261205000000_organization_ancestors.js';
import { Migration20261206000000_commendation_unique_decision } from './Migration20261206000000_commendation_unique_decision.js';
import { Migration20261206100000_authority_enums } from './Migration20261206100000_authority_enums.js';
import { Migration20261207000000_step_actor_email } from './Migration20261207000000_step_actor_email.js';
import { Migration20261207100000_my_work_indexes } from './Migration20261207100000_my_work_indexes.js';
import { Migration20261207200000_read_boundary_index } from './Migration20261207200000_read_boundary_index.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [
  { name: 'Migration20261202100000_initial', class: Migration20261202100000_initial },
  { name: 'Migration20261204000000_recognised_order_index', class: Migration20261204000000_recognised_order_index },
  { name: 'Migration20261205000000_organization_ancestors', class: Migration20261205000000_organization_ancestors },
  { name: 'Migration20261206000000_commendation_unique_decision', class: Migration20261206000000_commendation_unique_decision },
  { name: 'Migration20261206100000_authority_enums', class: Migration20261206100000_authority_enums },
  { name: 'Migration20261207000000_step_actor_email', class: Migration20261207000000_step_actor_email },
  { name: 'Migration20261207100000_my_work_indexes', class: Migration20261207100000_my_work_indexes },
  { name: 'Migration20261207200000_read_boundary_index', class: Migration20261207200000_read_boundary_index },
];
