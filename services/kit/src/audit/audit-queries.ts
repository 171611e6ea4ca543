import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { Caller } from '../auth/caller.js';
import { containsPattern, pgArray } from '../database/sql.js';
import { ConnectionType, PageArgs, readGroupedPage, readPage, type Connection, type SortTerm } from '../pagination.js';
import type { RequestContext } from '../graphql/context.js';
import { InputCheck } from '../validation.js';
import { AuditEvent } from './audit-event.entity.js';

// Every subgraph serves `history` with this type; identity serves `auditEvents`.
export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent', { shareable: true });

@InputType({ description: 'Narrows the audit log; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these events.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Text in the actor’s name or e-mail, or a request id.' })
  q?: string | null;

  @Field(() => String, { nullable: true, description: 'Type of record, e.g. Organization.' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'One record’s events.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events by this user or API token.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'CREATE, UPDATE, DELETE or RESTORE.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Events of one request (see the x-request-id header).' })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this moment.' })
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this moment.' })
  occurredTo?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Conditions.' })
  filter?: AuditEventFilter | null;
}

/** Newest first; the id breaks ties. The same order in every subgraph, so pages from several can be merged. */
export const AUDIT_ORDER: SortTerm<AuditEvent>[] = [
  { sql: 'occurred_at', direction: 'DESC', type: 'timestamp', value: (e) => e.occurredAt },
  { sql: 'id', direction: 'DESC', type: 'uuid', value: (e) => e.id },
];

/**
 * Which events a caller may read, as a condition on organization_id:
 * 'all' for admins, 'none' for those without the right, or SQL for a subtree.
 * Each subgraph decides, since only it knows how its records map to scopes.
 */
export type AuditVisibility = (caller: Caller, knex: Knex) => 'all' | 'none' | ((qb: Knex.QueryBuilder) => void);

export function checkAuditFilter(filter: AuditEventFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.entityId', filter?.entityId);
  check.uuid('filter.actorId', filter?.actorId);
  check.done();
}

export function applyAuditFilter(qb: Knex.QueryBuilder, filter: AuditEventFilter | null | undefined): void {
  if (!filter) return;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  if (filter.q) qb.where((w) => w.whereILike('actor_name', containsPattern(filter.q!)).orWhere('request_id', filter.q!));
  if (filter.entityType) qb.where('entity_type', filter.entityType);
  if (filter.entityId) qb.where('entity_id', filter.entityId);
  if (filter.actorId) qb.where('actor_id', filter.actorId);
  if (filter.action) qb.where('action', filter.action);
  if (filter.requestId) qb.where('request_id', filter.requestId);
  if (filter.occurredFrom) qb.where('occurred_at', '>=', filter.occurredFrom);
  if (filter.occurredTo) qb.where('occurred_at', '<', filter.occurredTo);
}

/** A page of this subgraph's audit log as the caller may see it. */
export async function readAuditEvents(em: EntityManager, caller: Caller, visibility: AuditVisibility, args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
  checkAuditFilter(args.filter);
  const knex = em.getKnex();
  const filtered = knex('audit_event');
  applyAuditFilter(filtered, args.filter);
  const visible = visibility(caller, knex);
  if (visible === 'none') filtered.whereRaw('false');
  else if (visible !== 'all') visible(filtered);
  return readPage(em, AuditEvent, filtered, AUDIT_ORDER, args);
}

/**
 * `history` of many records in one statement (a window numbers each record's
 * events). The caller's right to see each record's history is checked by the
 * resolver before it asks.
 */
export function recordHistory(ctx: RequestContext, entityType: string, entityId: string, args: PageArgs): Promise<Connection<AuditEvent>> {
  return readGroupedPage(ctx, {
    name: `audit.history:${entityType}`,
    entity: AuditEvent,
    base: () => ctx.em.getKnex()('audit_event').where('entity_type', entityType),
    groupColumn: 'entity_id',
    groupProperty: 'entityId',
    terms: AUDIT_ORDER,
    args,
    parentId: entityId,
    count: async () => {
      const [row] = await ctx.em.execute<{ count: string }[]>(
        ctx.em.getKnex()('audit_event').count('* as count').where({ entity_type: entityType, entity_id: entityId }),
      );
      return Number(row!.count);
    },
  });
}
