import { auditTableSql } from '@lantoa/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand, not generated: identity owns its schema, indexes follow
 * the queries (filters, keyset orders, the per-request credential lookups),
 * and migrations only ever add.
 */
export class Migration20261201000000_initial extends Migration {
  override async up(): Promise<void> {
    // Trusted extension since PostgreSQL 13: a database owner may create it.
    this.addSql('create extension if not exists pg_trgm with schema public;');

    // "user" is reserved in SQL; user_account needs no quoting in hand-written statements.
    this.addSql(`create table user_account (
      id uuid primary key,
      email text not null,
      display_name text not null,
      organization_id uuid,
      roles text[] not null,
      active boolean not null default true,
      password_hash text not null,
      password_changed_at timestamptz(3) not null,
      sessions_valid_after timestamptz(3) not null,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz(3),
      last_sign_in_at timestamptz(3),
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint user_account_roles_known check (cardinality(roles) > 0 and roles <@ array['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER', 'INTEGRATOR']::text[]),
      constraint user_account_password_argon2id check (password_hash like '$argon2id$%')
    );`);
    // Deleted users keep their address, so a new account cannot silently take over their history.
    this.addSql('create unique index user_account_email_idx on user_account (lower(email));');
    this.addSql('create index user_account_email_order_idx on user_account (email, id) where deleted_at is null;');
    this.addSql('create index user_account_name_idx on user_account ((display_name collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index user_account_created_idx on user_account (created_at, id) where deleted_at is null;');
    this.addSql('create index user_account_updated_idx on user_account (updated_at, id) where deleted_at is null;');
    this.addSql('create index user_account_organization_idx on user_account (organization_id) where deleted_at is null;');
    this.addSql('create index user_account_roles_idx on user_account using gin (roles) where deleted_at is null;');
    this.addSql('create index user_account_active_idx on user_account (active) where deleted_at is null;');
    this.addSql('create index user_account_search_idx on user_account using gin (search_text gin_trgm_ops);');

    this.addSql(`create table refresh_token (
      id uuid primary key,
      user_id uuid not null references user_account (id),
      family_id uuid not null,
      token_hash text not null,
      expires_at timestamptz(3) not null,
      used_at timestamptz(3),
      revoked_at timestamptz(3),
      created_at timestamptz(3) not null,
      constraint refresh_token_hash_sha256 check (token_hash ~ '^[0-9a-f]{64}$')
    );`);
    this.addSql('create unique index refresh_token_hash_idx on refresh_token (token_hash);');
    // Revoking a family (sign-out, reuse) and the "family signed out?" check of every access token.
    this.addSql('create index refresh_token_family_idx on refresh_token (family_id) include (revoked_at);');
    this.addSql('create index refresh_token_user_idx on refresh_token (user_id) where revoked_at is null;');

    this.addSql(`create table api_token (
      id uuid primary key,
      name text not null,
      prefix text not null,
      token_hash text not null,
      scopes text[] not null,
      organization_id uuid not null,
      created_by_id uuid references user_account (id),
      expires_at timestamptz(3) not null,
      revoked_at timestamptz(3),
      last_used_at timestamptz(3),
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint api_token_scopes_known check (cardinality(scopes) > 0 and scopes <@ array['READ', 'WRITE']::text[]),
      constraint api_token_prefix_shape check (prefix ~ '^[a-z2-7]{8}$'),
      constraint api_token_hash_sha256 check (token_hash ~ '^[0-9a-f]{64}$')
    );`);
    this.addSql('create unique index api_token_prefix_idx on api_token (prefix);');
    this.addSql('create index api_token_name_idx on api_token ((name collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index api_token_created_idx on api_token (created_at, id) where deleted_at is null;');
    this.addSql('create index api_token_expires_idx on api_token (expires_at, id) where deleted_at is null;');
    this.addSql('create index api_token_organization_idx on api_token (organization_id) where deleted_at is null;');
    this.addSql('create index api_token_created_by_idx on api_token (created_by_id) where deleted_at is null;');
    this.addSql('create index api_token_active_idx on api_token (expires_at) where deleted_at is null and revoked_at is null;');
    this.addSql('create index api_token_search_idx on api_token using gin (search_text gin_trgm_ops);');

    for (const sql of auditTableSql) this.addSql(sql);
  }
}
