import { Migration } from '@mikro-orm/migrations';

/**
 * The organization change feed: a transactional outbox that other subgraphs
 * follow to keep their local replica of the tree (kit/directory).
 *
 * - Rows are appended by triggers, not by the service code, so no write can
 *   skip it: ORM flushes, the one-statement subtree move (every descendant
 *   whose path changes), raw SQL, bulk inserts.
 * - Each row carries the organization's whole state as committed (read when
 *   the transaction commits), so applying rows in order is idempotent and the
 *   last row of an organization is its current state.
 * - seq order is commit order: the triggers are deferred to commit time and
 *   take one advisory lock before numbering, so a transaction holding a
 *   smaller seq can never commit after a reader has seen a larger one (the
 *   classic outbox gap). The lock is held only from the deferred triggers to
 *   the end of the commit, when a writer waits for nothing else: no deadlock.
 *   A transaction's rows get consecutive seqs; `xid` lets the feed endpoint
 *   never split one transaction (a move) across pages.
 * - First full sync: this migration appends one row per existing organization
 *   (deleted ones too), so a consumer's first sync is simply "follow the feed
 *   from seq 0" — one mechanism for catching up from anywhere, no separate
 *   snapshot endpoint whose pages could disagree with the feed. Since each row
 *   is a full state, the feed could later be compacted (keep only each
 *   organization's last row) without changing what a replay yields.
 */
export class Migration20261201200000_organization_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence organization_change_seq;');
    this.addSql(`create table organization_change (
      seq bigint primary key,
      organization_id uuid not null,
      state jsonb,
      xid xid8 not null default pg_current_xact_id(),
      changed_at timestamptz(3) not null default now()
    );`);
    this.addSql('create index organization_change_xid_idx on organization_change (xid, seq);');

    // Every function keeps this schema's search_path (`from current`), so writers with any search_path (raw SQL, tools) reach it.
    // The directory's view of one organization; null once the row is gone (deletes are soft, so never in practice).
    this.addSql(`create function organization_feed_state(org_id uuid) returns jsonb language sql stable set search_path from current as $$
      select jsonb_build_object(
        'id', o.id, 'parentId', o.parent_id, 'path', o.path, 'depth', o.depth, 'level', o.level, 'type', o.type,
        'name', o.name, 'shortName', o.short_name, 'searchText', o.search_text, 'validFrom', o.valid_from, 'validTo', o.valid_to,
        'deletedAt', o.deleted_at, 'version', o.version, 'updatedAt', o.updated_at)
      from organization o where o.id = org_id $$;`);

    this.addSql(`create function organization_feed_append(org_id uuid) returns void language plpgsql set search_path from current as $$
      begin
        -- Commit order = seq order: one committing writer numbers its rows at a time.
        perform pg_advisory_xact_lock(hashtext('lantoa:organization_change'));
        insert into organization_change (seq, organization_id, state)
          values (nextval('organization_change_seq'), org_id, organization_feed_state(org_id));
      end $$;`);

    this.addSql(`create function organization_feed_on_organization() returns trigger language plpgsql set search_path from current as $$
      begin
        perform organization_feed_append(case when tg_op = 'DELETE' then old.id else new.id end);
        return null;
      end $$;`);
    this.addSql(`create constraint trigger organization_feed after insert or update or delete on organization
      deferrable initially deferred for each row execute function organization_feed_on_organization();`);

    // A succession is a write to the organizations it links (it may end one and begin another): both appear in the feed.
    this.addSql(`create function organization_feed_on_succession() returns trigger language plpgsql set search_path from current as $$
      begin
        perform organization_feed_append(new.from_id);
        if new.to_id is not null then perform organization_feed_append(new.to_id); end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger organization_feed_succession after insert or update on org_succession
      deferrable initially deferred for each row execute function organization_feed_on_succession();`);

    // The current tree, for a consumer's first full sync (see above). Parents before children, for readability of the feed.
    this.addSql(`insert into organization_change (seq, organization_id, state)
      select nextval('organization_change_seq'), o.id, organization_feed_state(o.id) from (select id from organization order by path) o;`);
  }
}
