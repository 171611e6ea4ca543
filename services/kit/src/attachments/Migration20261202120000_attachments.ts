import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/**
 * Attachments in the consuming subgraph's own schema (it adds
 * `attachmentMigration` to its migrations list, after its own). Blobs are
 * content-addressed: the primary key is the SHA-256 of the bytes. Only
 * additive, like every migration.
 */
export class Migration20261202120000_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table attachment_blob (
      sha256 char(64) primary key,
      content bytea not null,
      size integer not null,
      mime text not null,
      created_at timestamptz(3) not null default now()
    );`);
    this.addSql(`create table attachment (
      id uuid primary key,
      record_type text not null,
      record_id uuid not null,
      file_name text not null,
      mime text not null,
      size integer not null,
      sha256 char(64) not null references attachment_blob (sha256),
      width integer,
      height integer,
      thumbnail_sha256 char(64) references attachment_blob (sha256),
      upload_id uuid not null unique,
      created_by text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    // Listing a page of records' attachments is one index range per record.
    this.addSql('create index attachment_record_idx on attachment (record_type, record_id, created_at) where deleted_at is null;');
    this.addSql('create index attachment_sha256_idx on attachment (sha256);');
  }
}

/** Add to a consuming subgraph's migrations list (after its own migrations). */
export const attachmentMigration: MigrationObject = {
  name: 'Migration20261202120000_attachments',
  class: Migration20261202120000_attachments,
};
