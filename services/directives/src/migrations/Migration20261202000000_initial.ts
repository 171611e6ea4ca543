import { auditTableSql } from '@lantoa/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: indexes follow the queries (every filter, keyset order and
 * the trigram search), uniqueness follows the numbering rules of GLOSSARY §1,
 * and migrations only ever add.
 */
export class Migration20261202000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm with schema public;');
    for (const sql of auditTableSql) this.addSql(sql);

    this.addSql(`create table directive (
      id uuid primary key,
      number_as_written text not null,
      number text not null,
      number_key text not null,
      number_int integer not null,
      number_year integer,
      type_code text,
      issuer_code text not null,
      numbering_period text not null,
      family text not null,
      document_type text not null,
      title text not null,
      summary text,
      issued_on date not null,
      issuer_id uuid not null,
      status text not null,
      full_text_url text,
      title_type_conflict text,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    // Party: (issuer, type, term, number); State: (issuer, type, year, number). A missing type code counts as its own value.
    this.addSql(
      `create unique index directive_number_unique on directive (family, issuer_code, coalesce(type_code, ''), numbering_period, number_int) where deleted_at is null;`,
    );
    this.addSql('create index directive_issued_idx on directive (issued_on, id) where deleted_at is null;');
    this.addSql('create index directive_number_order_idx on directive (number_key, id) where deleted_at is null;');
    this.addSql('create index directive_title_idx on directive ((title collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index directive_created_idx on directive (created_at, id) where deleted_at is null;');
    this.addSql('create index directive_issuer_idx on directive (issuer_id, issued_on) where deleted_at is null;');
    this.addSql('create index directive_kind_idx on directive (family, document_type, status) where deleted_at is null;');
    this.addSql('create index directive_search_idx on directive using gin (search_text gin_trgm_ops);');

    this.addSql(`create table directive_relation (
      id uuid primary key,
      from_id uuid not null references directive (id),
      to_id uuid not null references directive (id),
      kind text not null,
      note text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint directive_relation_not_self check (from_id <> to_id)
    );`);
    this.addSql('create unique index directive_relation_unique on directive_relation (from_id, to_id, kind) where deleted_at is null;');
    this.addSql('create index directive_relation_to_idx on directive_relation (to_id, kind) where deleted_at is null;');

    this.addSql(`create table theme (
      id uuid primary key,
      title text not null,
      description text,
      issuer_id uuid not null,
      year_from integer not null,
      year_to integer not null,
      basis_directive_id uuid references directive (id),
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint theme_years check (year_to >= year_from)
    );`);
    this.addSql('create index theme_years_idx on theme (year_from, id) where deleted_at is null;');
    this.addSql('create index theme_issuer_idx on theme (issuer_id) where deleted_at is null;');
    this.addSql('create index theme_search_idx on theme using gin (search_text gin_trgm_ops);');

    this.addSql(`create table task (
      id uuid primary key,
      title text not null,
      description text,
      directive_id uuid references directive (id),
      task_group text not null,
      lead_organization_id uuid not null,
      coordinating_organization_ids uuid[] not null default '{}',
      due_on date not null,
      status text not null,
      completed_on date,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint task_completed check ((status = 'DONE') = (completed_on is not null))
    );`);
    this.addSql('create index task_due_idx on task (due_on, id) where deleted_at is null;');
    this.addSql('create index task_created_idx on task (created_at, id) where deleted_at is null;');
    this.addSql('create index task_title_idx on task ((title collate "vi-x-icu"), id) where deleted_at is null;');
    this.addSql('create index task_lead_idx on task (lead_organization_id, due_on) where deleted_at is null;');
    this.addSql('create index task_coordinators_idx on task using gin (coordinating_organization_ids) where deleted_at is null;');
    this.addSql('create index task_directive_idx on task (directive_id) where deleted_at is null;');
    this.addSql('create index task_status_idx on task (status, due_on) where deleted_at is null;');
    this.addSql('create index task_search_idx on task using gin (search_text gin_trgm_ops);');

    this.addSql(`create table progress_report (
      id uuid primary key,
      title text not null,
      task_id uuid references task (id),
      directive_id uuid references directive (id),
      report_directive_id uuid references directive (id),
      reporting_organization_id uuid not null,
      period_kind text not null,
      period_from date not null,
      period_to date not null,
      submitted_on date,
      results text,
      shortcomings text,
      causes text,
      lessons text,
      next_steps text,
      recommendations text,
      figures jsonb not null default '[]',
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint progress_report_subject check (task_id is not null or directive_id is not null),
      constraint progress_report_period check (period_to >= period_from)
    );`);
    this.addSql('create index progress_report_period_idx on progress_report (period_to, id) where deleted_at is null;');
    this.addSql('create index progress_report_task_idx on progress_report (task_id) where deleted_at is null;');
    this.addSql('create index progress_report_directive_idx on progress_report (directive_id) where deleted_at is null;');
    this.addSql('create index progress_report_org_idx on progress_report (reporting_organization_id) where deleted_at is null;');
    this.addSql('create index progress_report_search_idx on progress_report using gin (search_text gin_trgm_ops);');

    this.addSql(`create table criterion (
      id uuid primary key,
      directive_id uuid not null references directive (id),
      code text not null,
      title text not null,
      description text,
      max_score numeric(8,2) not null,
      position integer not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3)
    );`);
    this.addSql('create unique index criterion_code_unique on criterion (directive_id, code) where deleted_at is null;');

    this.addSql(`create table evaluation (
      id uuid primary key,
      criterion_id uuid not null references criterion (id),
      organization_id uuid not null,
      period_from date not null,
      period_to date not null,
      score numeric(8,2) not null,
      note text,
      search_text text not null,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      version integer not null default 1,
      deleted_at timestamptz(3),
      constraint evaluation_period check (period_to >= period_from)
    );`);
    this.addSql('create unique index evaluation_unique on evaluation (criterion_id, organization_id, period_from, period_to) where deleted_at is null;');
    this.addSql('create index evaluation_org_idx on evaluation (organization_id, period_to) where deleted_at is null;');
  }
}
