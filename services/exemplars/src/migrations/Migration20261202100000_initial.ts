import { auditTableSql } from '@lantoa/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: indexes follow the console's main page (organization
 * subtree + filters + keyset orders), the statistics (recognition and award
 * days), duplicate detection (name key per organization) and search.
 */
export class Migration20261202100000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm with schema public;');
    for (const sql of auditTableSql) this.addSql(sql);

    this.addSql(`create table movement (
      id uuid primary key,
      name text not null,
      description text,
      launching_organization_id uuid not null,
      period_from date not null,
      period_to date,
      directive_id uuid,
      theme_id uuid,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint movement_period check (period_to is null or period_to >= period_from)
    );`);
    this.addSql('create index movement_period_idx on movement (period_from, id) where deleted_at is null;');
    this.addSql('create index movement_search_idx on movement using gin (search_text gin_trgm_ops);');

    this.addSql(`create table exemplar (
      id uuid primary key,
      kind text not null,
      name text not null,
      name_key text not null,
      person_id uuid,
      subject_organization_id uuid,
      organization_id uuid not null,
      field text not null,
      summary text,
      story text,
      achievements text,
      period_from date,
      period_to date,
      directive_id uuid,
      theme_id uuid,
      movement_id uuid references movement (id),
      status text not null,
      recognised_on date,
      awarded_on date,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint exemplar_period check (period_to is null or period_from is null or period_to >= period_from)
    );`);
    this.addSql('create index exemplar_org_created_idx on exemplar (organization_id, created_at desc, id desc) where deleted_at is null;');
    this.addSql('create index exemplar_created_idx on exemplar (created_at desc, id desc) where deleted_at is null;');
    this.addSql('create index exemplar_name_idx on exemplar ((name collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index exemplar_name_key_idx on exemplar (organization_id, name_key) where deleted_at is null;');
    this.addSql('create index exemplar_status_idx on exemplar (status, organization_id) where deleted_at is null;');
    this.addSql('create index exemplar_kind_field_idx on exemplar (kind, field) where deleted_at is null;');
    this.addSql('create index exemplar_recognised_idx on exemplar (recognised_on) where deleted_at is null and recognised_on is not null;');
    this.addSql('create index exemplar_awarded_idx on exemplar (awarded_on) where deleted_at is null and awarded_on is not null;');
    this.addSql('create index exemplar_person_idx on exemplar (person_id) where deleted_at is null;');
    this.addSql('create index exemplar_directive_idx on exemplar (directive_id) where deleted_at is null;');
    this.addSql('create index exemplar_theme_idx on exemplar (theme_id) where deleted_at is null;');
    this.addSql('create index exemplar_movement_idx on exemplar (movement_id) where deleted_at is null;');
    this.addSql('create index exemplar_search_idx on exemplar using gin (search_text gin_trgm_ops);');

    this.addSql(`create table exemplar_step (
      id uuid primary key,
      exemplar_id uuid not null references exemplar (id),
      action text not null,
      from_status text,
      to_status text not null,
      actor_id uuid,
      actor_name text,
      occurred_at timestamptz(3) not null,
      on_day date not null,
      note text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    this.addSql('create index exemplar_step_exemplar_idx on exemplar_step (exemplar_id, occurred_at, id);');

    this.addSql(`create table commendation_authority (
      id uuid primary key,
      organization_type text not null,
      organization_level text not null,
      form text not null,
      note text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    this.addSql(
      'create unique index commendation_authority_unique on commendation_authority (organization_type, organization_level, form) where deleted_at is null;',
    );

    this.addSql(`create table commendation (
      id uuid primary key,
      exemplar_id uuid not null references exemplar (id),
      form text not null,
      title text,
      basis text not null,
      deciding_organization_id uuid not null,
      proposing_organization_id uuid,
      decision_number text not null,
      decision_number_key text not null,
      decided_on date not null,
      movement_id uuid references movement (id),
      status text not null,
      revoked_on date,
      revocation_reason text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint commendation_revoked check ((status = 'REVOKED') = (revoked_on is not null and revocation_reason is not null))
    );`);
    this.addSql('create index commendation_exemplar_idx on commendation (exemplar_id, decided_on desc) where deleted_at is null;');
    this.addSql('create index commendation_decided_idx on commendation (decided_on desc, id desc) where deleted_at is null;');
    this.addSql('create index commendation_decider_idx on commendation (deciding_organization_id) where deleted_at is null;');
    this.addSql('create index commendation_number_idx on commendation (decision_number_key) where deleted_at is null;');
  }
}
