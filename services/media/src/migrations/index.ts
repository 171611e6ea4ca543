import { Migration20261202200000_initial } from './Migration20261202200000_initial.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [{ name: 'Migration20261202200000_initial', class: Migration20261202200000_initial }];
