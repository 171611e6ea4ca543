import { Migration20261202200000_initial } from './Migration20261202200000_initial.js';
import { Migration20261204000000_gin_no_pending_list } from './Migration20261204000000_gin_no_pending_list.js';
import { Migration20261207000000_step_actor_email } from './Migration20261207000000_step_actor_email.js';
import { Migration20261207100000_my_work_indexes } from './Migration20261207100000_my_work_indexes.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [
  { name: 'Migration20261202200000_initial', class: Migration20261202200000_initial },
  { name: 'Migration20261204000000_gin_no_pending_list', class: Migration20261204000000_gin_no_pending_list },
  { name: 'Migration20261207000000_step_actor_email', class: Migration20261207000000_step_actor_email },
  { name: 'Migration20261207100000_my_work_indexes', class: Migration20261207100000_my_work_indexes },
];
