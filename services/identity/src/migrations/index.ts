import { Migration20261201000000_initial } from './Migration20261201000000_initial.js';
import { Migration20261201120000_sign_in_throttle } from './Migration20261201120000_sign_in_throttle.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [
  { name: 'Migration20261201000000_initial', class: Migration20261201000000_initial },
  // Sign-ins throttled per account and source instead of locked per account (modules/session/sign-in-throttle.ts).
  { name: 'Migration20261201120000_sign_in_throttle', class: Migration20261201120000_sign_in_throttle },
  // (The organization directory's replica migration is added by `directory: true` in subgraph.ts.)
];
