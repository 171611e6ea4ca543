import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/**
 * The local replica of the organization tree, in the consuming subgraph's
 * own schema (each consumer adds `directoryMigration` to its migrations list).
 * Filled and kept current by the follower (follower.ts) from the
 * organizations subgraph's change feed; read by the scope and subtree helpers
 * (directory.ts) with plain local SQL. Only additive, like every migration.
 */
export class Migration20261201210000_organization_directory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table directory_organization (
      id uuid primary key,
      parent_id uuid,
      path text collate "C" not null,
      depth integer not null,
      level text not null,
      type text not null,
      name text not null,
      short_name text,
      search_text text not null,
      valid_from date,
      valid_to date,
      deleted_at timestamptz(3),
      version integer not null,
      updated_at timestamptz(3) not null,
      seq bigint not null
    );`);
    // Subtree = one range scan (path >= P and path < P || '~'), as in the organizations subgraph.
    this.addSql('create index directory_organization_path_idx on directory_organization (path);');
    this.addSql('create index directory_organization_parent_idx on directory_organization (parent_id);');
    this.addSql('create index directory_organization_level_idx on directory_organization (level, path);');
    // One row: the last feed seq applied, written in the same transaction as the changes.
    this.addSql(`create table directory_state (
      id boolean primary key default true check (id),
      last_seq bigint not null,
      updated_at timestamptz(3) not null default now()
    );`);
    this.addSql('insert into directory_state (id, last_seq) values (true, 0);');
  }
}

/** Add to a consuming subgraph's migrations list (after its own initial migration). */
export const directoryMigration: MigrationObject = {
  name: 'Migration20261201210000_organization_directory',
  class: Migration20261201210000_organization_directory,
};
