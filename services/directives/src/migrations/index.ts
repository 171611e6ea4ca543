import { Migration20261202000000_initial } from './Migration20261202000000_initial.js';
import { Migration20261203000000_report_sections_html } from './Migration20261203000000_report_sections_html.js';

/** In order. Listed explicitly so the same code runs from tsx, vitest and a bundle. Never edit a migration that has shipped: add one. */
export const migrations = [
  { name: 'Migration20261202000000_initial', class: Migration20261202000000_initial },
  { name: 'Migration20261203000000_report_sections_html', class: Migration20261203000000_report_sections_html },
];
