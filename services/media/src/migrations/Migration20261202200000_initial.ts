import { auditTableSql } from '@lantoa/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: indexes follow the console's list (outlet + keyset
 * orders), the federated lists (items of an exemplar, directive, theme,
 * task: GIN on the id arrays), the statistics (published time), the
 * duplicate-URL rule (unique among live items) and search. The job queue
 * (graphile-worker) installs its own schema, graphile_worker, on start.
 */
export class Migration20261202200000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm with schema public;');
    for (const sql of auditTableSql) this.addSql(sql);

    this.addSql(`create table media_item (
      id uuid primary key,
      kind text not null,
      title text not null,
      summary text,
      body text,
      outlet_id uuid not null,
      authors text[] not null default '{}',
      language text not null default 'vi',
      url text,
      tone text not null,
      status text not null,
      published_at timestamptz(3),
      publish_at timestamptz(3),
      views integer,
      shares integer,
      listeners integer,
      reach_read_on date,
      exemplar_ids uuid[] not null default '{}',
      directive_ids uuid[] not null default '{}',
      theme_ids uuid[] not null default '{}',
      task_ids uuid[] not null default '{}',
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint media_item_reach check (coalesce(views, 0) >= 0 and coalesce(shares, 0) >= 0 and coalesce(listeners, 0) >= 0),
      constraint media_item_published check (status not in ('PUBLISHED', 'ARCHIVED') or published_at is not null)
    );`);
    this.addSql('create index media_item_outlet_created_idx on media_item (outlet_id, created_at desc, id desc) where deleted_at is null;');
    this.addSql('create index media_item_created_idx on media_item (created_at desc, id desc) where deleted_at is null;');
    this.addSql('create index media_item_published_idx on media_item (published_at desc, id desc) where deleted_at is null and published_at is not null;');
    this.addSql('create index media_item_status_idx on media_item (status, outlet_id) where deleted_at is null;');
    this.addSql('create unique index media_item_url_unique on media_item (url) where deleted_at is null and url is not null;');
    this.addSql('create index media_item_exemplars_idx on media_item using gin (exemplar_ids) where deleted_at is null;');
    this.addSql('create index media_item_directives_idx on media_item using gin (directive_ids) where deleted_at is null;');
    this.addSql('create index media_item_themes_idx on media_item using gin (theme_ids) where deleted_at is null;');
    this.addSql('create index media_item_tasks_idx on media_item using gin (task_ids) where deleted_at is null;');
    this.addSql('create index media_item_search_idx on media_item using gin (search_text gin_trgm_ops);');

    this.addSql(`create table media_item_step (
      id uuid primary key,
      media_item_id uuid not null references media_item (id),
      action text not null,
      from_status text,
      to_status text not null,
      actor_id uuid,
      actor_name text,
      occurred_at timestamptz(3) not null,
      note text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    this.addSql('create index media_item_step_item_idx on media_item_step (media_item_id, occurred_at, id);');

    this.addSql(`create table campaign (
      id uuid primary key,
      name text not null,
      description text,
      organization_id uuid not null,
      directive_id uuid,
      theme_id uuid,
      period_from date not null,
      period_to date not null,
      participant_ids uuid[] not null default '{}',
      target_items integer not null,
      target_exemplar_items integer not null default 0,
      target_per_outlet integer,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint campaign_period check (period_to >= period_from),
      constraint campaign_subject check (directive_id is not null or theme_id is not null),
      constraint campaign_targets check (target_items >= 0 and target_exemplar_items >= 0 and coalesce(target_per_outlet, 0) >= 0)
    );`);
    this.addSql('create index campaign_period_idx on campaign (period_from desc, id desc) where deleted_at is null;');
    this.addSql('create index campaign_directive_idx on campaign (directive_id) where deleted_at is null;');
    this.addSql('create index campaign_theme_idx on campaign (theme_id) where deleted_at is null;');
  }
}
