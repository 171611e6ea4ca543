import { Migration } from '@mikro-orm/migrations';

/** Depths 0…4 have an index: province, district, commune and two below. Deeper organizations use the replica's path range (exemplar.queries.ts). */
export const ANCESTOR_INDEXED_DEPTHS = 5;

/**
 * A district's exemplars, newest first, straight from one index.
 *
 * Before, "the subtree of X" meant `organization_id in (the ~500
 * organizations under X)`: 500 index probes, then a sort of every matching
 * row for the page and a count of them all, so the console's main page cost
 * grew with the volume (at 100,000 exemplars a district holds 5,000).
 *
 * Each exemplar now carries `ancestor_ids`: the ids of its organization's
 * path in the directory replica, root first, its own organization last (so
 * `ancestor_ids[d + 1]` is its ancestor at depth d). One index per depth on
 * `(ancestor_ids[d + 1], created_at desc, id desc)` makes "X's subtree,
 * newest first" one range of one index: the page reads its 50 entries and
 * the count is an index-only scan of one contiguous range (INCLUDE carries
 * the column, which PostgreSQL needs to answer from the index alone).
 *
 * Kept right by triggers, in the database, whoever writes:
 * - on an exemplar's insert or change of organization, from the replica
 *   (FOR SHARE: a move of that organization arriving from the feed waits for
 *   this transaction, then its own trigger sees this exemplar);
 * - on the replica's inserts, updates and deletes (the follower applying the
 *   feed: a new organization, a merger moving a subtree, a removal), for the
 *   exemplars of the organizations touched, deleted exemplars included.
 * Only adds: a column, functions, triggers, indexes; existing rows are filled.
 */
export class Migration20261205000000_organization_ancestors extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table exemplar add column ancestor_ids uuid[];');
    // The follower's updates touch every exemplar of an organization, deleted ones included: the other organization indexes are live rows only.
    this.addSql('create index exemplar_organization_idx on exemplar (organization_id);');
    this.addSql(`create function exemplar_path_ids(path text) returns uuid[] language sql immutable strict as $$
      select string_to_array(trim(both '/' from path), '/')::uuid[]
    $$;`);
    this.addSql(`create function exemplar_set_ancestors() returns trigger language plpgsql set search_path from current as $$
      begin
        if tg_op = 'INSERT' or new.organization_id is distinct from old.organization_id then
          -- No row (an organization the replica does not know yet): null, until the replica's insert fills it.
          select exemplar_path_ids(path) into new.ancestor_ids from directory_organization where id = new.organization_id for share;
        end if;
        return new;
      end $$;`);
    this.addSql(
      'create trigger exemplar_ancestors before insert or update of organization_id on exemplar for each row execute function exemplar_set_ancestors();',
    );
    this.addSql(`create function exemplar_follow_directory() returns trigger language plpgsql set search_path from current as $$
      begin
        if tg_op = 'DELETE' then
          update exemplar e set ancestor_ids = null from gone_organizations g where e.organization_id = g.id and e.ancestor_ids is not null;
        else
          update exemplar e set ancestor_ids = exemplar_path_ids(c.path) from changed_organizations c
           where e.organization_id = c.id and e.ancestor_ids is distinct from exemplar_path_ids(c.path);
        end if;
        return null;
      end $$;`);
    // Transition tables allow one event per trigger: three triggers, one function.
    for (const [event, table] of [
      ['insert', 'new table as changed_organizations'],
      ['update', 'new table as changed_organizations'],
      ['delete', 'old table as gone_organizations'],
    ]) {
      this.addSql(
        `create trigger exemplar_directory_${event} after ${event} on directory_organization referencing ${table} for each statement execute function exemplar_follow_directory();`,
      );
    }
    this.addSql('update exemplar e set ancestor_ids = exemplar_path_ids(d.path) from directory_organization d where d.id = e.organization_id;');
    for (let depth = 0; depth < ANCESTOR_INDEXED_DEPTHS; depth++) {
      this.addSql(
        `create index exemplar_ancestor_${depth}_idx on exemplar ((ancestor_ids[${depth + 1}]), created_at desc, id desc) include (ancestor_ids) where deleted_at is null;`,
      );
    }
  }
}
