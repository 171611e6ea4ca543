import { Migration } from '@mikro-orm/migrations';

/**
 * One commendation per decision: the same exemplar, decision number (its
 * normalised key, so "Số 1436/QĐ-UBND" and "1436 qd ubnd" are one), form,
 * deciding organization and day may be recorded once. The service answers
 * CONFLICT naming the first; this unique index is what holds when two
 * reviewers record it at the same moment.
 *
 * Repeats already recorded are kept, never dropped (they may have been
 * relied on, and revoking or deleting one is a reviewer's decision): each is
 * marked `duplicate_of` the first recorded one (oldest, then smallest id),
 * and the index leaves marked rows out. Rows written after this migration
 * have duplicate_of null, so every new row is covered. Deleted rows are left
 * out too: a deleted commendation does not block recording it again.
 */
export class Migration20261206000000_commendation_unique_decision extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table commendation add column duplicate_of uuid;');
    this.addSql(`update commendation c set duplicate_of = k.first_id
      from (
        select id, first_value(id) over (
          partition by exemplar_id, decision_number_key, form, deciding_organization_id, decided_on order by created_at, id
        ) as first_id
        from commendation where deleted_at is null
      ) k
      where c.id = k.id and k.first_id <> c.id;`);
    this.addSql(`create unique index commendation_decision_unique
      on commendation (exemplar_id, decision_number_key, form, deciding_organization_id, decided_on)
      where deleted_at is null and duplicate_of is null;`);
  }
}
