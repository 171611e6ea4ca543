import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand, not generated: each subgraph owns its schema, indexes
 * follow the queries (filters, keyset orders, subtree ranges, trigram search),
 * and migrations only ever add.
 */
export class Migration20261128000000_initial extends Migration {
  override async up(): Promise<void> {
    // Trusted extension since PostgreSQL 13: a database owner may create it.
    this.addSql('create extension if not exists pg_trgm with schema public;');

    this.addSql(`create table organization (
      id uuid primary key,
      name text not null,
      short_name text,
      doc_abbr text,
      type text not null,
      level text not null,
      parent_id uuid references organization (id),
      path text collate "C" not null,
      depth integer not null,
      valid_from date,
      valid_to date,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint organization_valid_range check (valid_to is null or valid_from is null or valid_to >= valid_from),
      constraint organization_path_ends_in_id check (right(path, 38) = '/' || id::text || '/')
    );`);
    // Subtree = one range scan on the path (byte order, so prefixes sort together).
    this.addSql('create unique index organization_path_idx on organization (path);');
    this.addSql('create index organization_parent_name_idx on organization (parent_id, (name collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index organization_name_idx on organization ((name collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index organization_created_idx on organization (created_at, id) where deleted_at is null;');
    this.addSql('create index organization_updated_idx on organization (updated_at, id) where deleted_at is null;');
    this.addSql('create index organization_type_level_idx on organization (type, level) where deleted_at is null;');
    this.addSql('create index organization_level_idx on organization (level) where deleted_at is null;');
    this.addSql('create index organization_valid_idx on organization (valid_from, valid_to) where deleted_at is null;');
    this.addSql('create index organization_search_idx on organization using gin (search_text gin_trgm_ops);');

    this.addSql(`create table org_succession (
      id uuid primary key,
      from_id uuid not null references organization (id),
      to_id uuid references organization (id),
      kind text not null,
      effective_on date not null,
      basis text,
      note text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint org_succession_not_self check (from_id <> to_id)
    );`);
    this.addSql('create index org_succession_from_idx on org_succession (from_id, effective_on) where deleted_at is null;');
    this.addSql('create index org_succession_to_idx on org_succession (to_id, effective_on) where deleted_at is null;');

    this.addSql(`create table person (
      id uuid primary key,
      family_name text not null,
      middle_name text,
      given_name text not null,
      full_name text not null,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    this.addSql(
      `create index person_name_idx on person ((given_name collate "vi-x-icu"), (family_name collate "vi-x-icu"), (coalesce(middle_name, '') collate "vi-x-icu"), id) where deleted_at is null;`,
    );
    this.addSql('create index person_created_idx on person (created_at, id) where deleted_at is null;');
    this.addSql('create index person_search_idx on person using gin (search_text gin_trgm_ops);');

    this.addSql(`create table position (
      id uuid primary key,
      person_id uuid not null references person (id),
      organization_id uuid not null references organization (id),
      title text not null,
      valid_from date,
      valid_to date,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint position_valid_range check (valid_to is null or valid_from is null or valid_to >= valid_from)
    );`);
    this.addSql('create index position_person_idx on position (person_id, valid_from) where deleted_at is null;');
    this.addSql('create index position_organization_idx on position (organization_id, valid_from) where deleted_at is null;');
  }
}
