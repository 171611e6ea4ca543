import { Migration } from '@mikro-orm/migrations';

/**
 * The list's RECOGNISED_ON order had no index (exemplar_recognised_idx serves
 * the statistics' day ranges, not the order): every page, and every keyset
 * page deep in the list, sorted all live exemplars. This index has exactly
 * the ordering's expressions — `coalesce(recognised_on, date '1900-01-01')`
 * (exemplars never recognised sort as if on that day), then the id — so the
 * keyset row comparison `(coalesce(…), id) > (?, ?)` is an index condition,
 * in both directions. Adds an index only.
 */
export class Migration20261204000000_recognised_order_index extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index exemplar_recognised_order_idx on exemplar ((coalesce(recognised_on, date '1900-01-01')), id) where deleted_at is null;");
  }
}
