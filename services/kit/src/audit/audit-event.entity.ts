import 'reflect-metadata';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { JSONResolver } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ description: 'One changed field of an audited write.' })
export class FieldChange {
  @Field(() => String, { description: 'Field name, as in the API.' })
  field!: string;

  @Field(() => JSONResolver, { nullable: true, description: 'Value before the write (null for a create).' })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: 'Value after the write.' })
  after!: unknown;
}

/**
 * One successful write: who, when, what, the fields before and after, and
 * the request id. Written in the same transaction as the write (a failed
 * write leaves no event) into the owning subgraph's own append-only table.
 */
@Directive('@shareable')
@ObjectType({ description: 'An entry of the audit log.' })
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When the write was committed.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt: Date = new Date();

  @Field(() => String, { description: 'user, token or system.' })
  @Property({ type: 'text' })
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the user or API token that wrote.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'E-mail of the user or name of the token, as it was then.' })
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  @Field(() => String, { description: 'Request id, as in the server logs.' })
  @Property({ type: 'text' })
  requestId!: string;

  @Field(() => String, { description: 'Type of the record, e.g. Organization.' })
  @Property({ type: 'text' })
  entityType!: string;

  @Field(() => ID, { description: 'Id of the record.' })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, { description: 'CREATE, UPDATE, DELETE (soft) or RESTORE.' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'Organization whose subtree the record belongs to (for reviewers’ scope).' })
  @Property({ type: 'uuid', nullable: true })
  organizationId: string | null = null;

  @Field(() => [FieldChange], { description: 'Changed fields with their values before and after; secrets are never recorded.' })
  @Property({ type: 'json' })
  changes!: FieldChange[];
}

/** DDL for a subgraph's initial migration: the table, its indexes, and the append-only guard. */
export const auditTableSql = [
  `create table audit_event (
    id uuid primary key,
    occurred_at timestamptz(3) not null,
    actor_kind text not null,
    actor_id uuid,
    actor_name text,
    request_id text not null,
    entity_type text not null,
    entity_id uuid not null,
    action text not null,
    organization_id uuid,
    changes jsonb not null
  );`,
  'create index audit_event_time_idx on audit_event (occurred_at desc, id desc);',
  'create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at desc, id desc);',
  'create index audit_event_actor_idx on audit_event (actor_id, occurred_at desc);',
  'create index audit_event_request_idx on audit_event (request_id);',
  'create index audit_event_org_idx on audit_event (organization_id, occurred_at desc);',
  // Append-only: the log cannot be edited or emptied, even by the service's own SQL.
  `create or replace function audit_event_append_only() returns trigger language plpgsql as $$
   begin raise exception 'audit_event is append-only'; end $$;`,
  `create trigger audit_event_no_update before update or delete on audit_event for each statement execute function audit_event_append_only();`,
  `create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only();`,
];
