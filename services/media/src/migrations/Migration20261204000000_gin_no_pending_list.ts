import { Migration } from '@mikro-orm/migrations';

const INDEXES = ['media_item_exemplars_idx', 'media_item_directives_idx', 'media_item_themes_idx', 'media_item_tasks_idx'];

/**
 * The GIN indexes on the linked-id arrays answer one id at a time (items of
 * an exemplar, coverage, uncovered exemplars: one probe per id). With GIN's
 * default fastupdate, new entries wait in a pending list that every probe
 * scans in full until VACUUM merges it — after a bulk load, 100,000 items
 * and 0.4 s per uncovered-exemplars request. Items are written one at a
 * time by editors, so the indexes are kept up to date on write instead, and
 * what is pending now is merged. Nothing else changes; no data is touched.
 */
export class Migration20261204000000_gin_no_pending_list extends Migration {
  override async up(): Promise<void> {
    for (const index of INDEXES) {
      this.addSql(`alter index ${index} set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('${index}'::regclass);`);
    }
  }
}
